package io.computeclearing.account.ledger;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;

/**
 * Collateral moving in and out of an account, as recorded by the back office from bank and custodian statements.
 * Every request carries an {@code Idempotency-Key}: 201 with the new journal entry; 200 with the same entry when the
 * key was used before for the same request ({@code Idempotent-Replayed: true}); 409 when it was used for another.
 */
@Path("/accounts")
@RolesAllowed(Roles.BACK_OFFICE)
public class CollateralMovementResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /** Cash: {@code amount} in currency units, positive, with at most the currency's minor-unit decimals. */
    public record CashMovement(
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
            @NotNull @Positive BigDecimal amount,
            @NotBlank @Size(max = 500) String reference) {
    }

    /** Securities: {@code nominal} face amount (ounces for gold), positive, at most 2 decimals. */
    public record SecurityMovement(
            @NotBlank String securityId,
            @NotNull @Positive BigDecimal nominal,
            @NotBlank @Size(max = 500) String reference) {
    }

    private final CollateralLedger ledger;
    private final Caller caller;

    public CollateralMovementResource(CollateralLedger ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/deposits")
    public Response depositCash(@PathParam("id") String accountId,
                                @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                @Valid @NotNull CashMovement request) {
        return respond(ledger.cash(JournalEntry.Kind.DEPOSIT, accountId, idempotencyKey, request.currency(),
                request.amount(), request.reference(), caller.name()));
    }

    @POST
    @Path("/{id}/withdrawals")
    public Response withdrawCash(@PathParam("id") String accountId,
                                 @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                 @Valid @NotNull CashMovement request) {
        return respond(ledger.cash(JournalEntry.Kind.WITHDRAWAL, accountId, idempotencyKey, request.currency(),
                request.amount(), request.reference(), caller.name()));
    }

    @POST
    @Path("/{id}/securities/deposits")
    public Response depositSecurity(@PathParam("id") String accountId,
                                    @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                    @Valid @NotNull SecurityMovement request) {
        return respond(ledger.security(JournalEntry.Kind.DEPOSIT, accountId, idempotencyKey, request.securityId(),
                request.nominal(), request.reference(), caller.name()));
    }

    @POST
    @Path("/{id}/securities/withdrawals")
    public Response withdrawSecurity(@PathParam("id") String accountId,
                                     @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                     @Valid @NotNull SecurityMovement request) {
        return respond(ledger.security(JournalEntry.Kind.WITHDRAWAL, accountId, idempotencyKey,
                request.securityId(), request.nominal(), request.reference(), caller.name()));
    }

    private static Response respond(CollateralLedger.Recorded recorded) {
        return Response.status(recorded.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .header(REPLAYED, recorded.replayed())
                .entity(recorded.entry())
                .build();
    }
}
