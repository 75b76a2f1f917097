package io.computeclearing.account.ledger;

import io.computeclearing.platform.bounds.Decimal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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

    /**
     * Cash: {@code amount} in currency units, positive, with at most the currency's minor-unit decimals (checked by
     * {@code CollateralPolicy}, which names the currency) and below 10^15, which every consumer of the movement
     * (settlement-service's numeric(30,10) collateral book) can hold.
     */
    public record CashMovement(
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
            @NotNull @Positive @Decimal(integer = 15, fraction = 10) BigDecimal amount,
            @NotBlank @Size(max = 500) String reference) {
    }

    /** Securities: {@code nominal} face amount (ounces for gold), positive, at most 2 decimals. */
    public record SecurityMovement(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9.-]{3,29}", message = "must be 4-30 upper-case letters, digits, '.' or '-'") String securityId,
            @NotNull @Positive @Decimal(integer = 15, fraction = 10) BigDecimal nominal,
            @NotBlank @Size(max = 500) String reference) {
    }

    private final CollateralLedger ledger;
    private final Caller caller;

    public CollateralMovementResource(CollateralLedger ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @Operation(summary = "Deposit cash",
            description = "Cash received into the account, as the bank statement shows it. Needs an Idempotency-Key "
                    + "header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"currency": "USD", "amount": 250000.00, "reference": "FED-20261201-0042"}"""))
    @APIResponse(responseCode = "201", description = "The new journal entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key was used before for the same request: the "
            + "same entry (Idempotent-Replayed: true), nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "/problems/idempotency-key-reused: the Idempotency-Key was used "
            + "for a different request")
    @POST
    @Path("/{id}/deposits")
    public Response depositCash(@PathParam("id") String accountId,
                                @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                @Valid @NotNull CashMovement request) {
        return respond(ledger.cash(JournalEntry.Kind.DEPOSIT, accountId, idempotencyKey, request.currency(),
                request.amount(), request.reference(), caller.name()));
    }

    @Operation(summary = "Withdraw cash",
            description = "Cash paid out of the account, only from collateral in excess of the margin requirement. "
                    + "Needs an Idempotency-Key header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"currency": "USD", "amount": 250000.00, "reference": "FED-20261201-0042"}"""))
    @APIResponse(responseCode = "201", description = "The new journal entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key was used before for the same request: the "
            + "same entry (Idempotent-Replayed: true), nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "/problems/idempotency-key-reused: the Idempotency-Key was used "
            + "for a different request (or /problems/member-defaulted: the account's member is DEFAULTED, its "
            + "collateral stays with the CCP for default management)")
    @APIResponse(responseCode = "422", description = "/problems/insufficient-excess-collateral: the withdrawal would "
            + "leave the account's collateral below its margin requirement (or /problems/insufficient-holding, "
            + "/problems/valuation-unavailable, /problems/account-suspended, /problems/member-suspended)")
    @POST
    @Path("/{id}/withdrawals")
    public Response withdrawCash(@PathParam("id") String accountId,
                                 @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                 @Valid @NotNull CashMovement request) {
        return respond(ledger.cash(JournalEntry.Kind.WITHDRAWAL, accountId, idempotencyKey, request.currency(),
                request.amount(), request.reference(), caller.name()));
    }

    @Operation(summary = "Deposit a security",
            description = "A security received into the account, as the custodian statement shows it. Needs an "
                    + "Idempotency-Key header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"securityId": "US912797LB18", "nominal": 100000.00, "reference": "DTC-20261201-7781"}"""))
    @APIResponse(responseCode = "201", description = "The new journal entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key was used before for the same request: the "
            + "same entry (Idempotent-Replayed: true), nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "/problems/idempotency-key-reused: the Idempotency-Key was used "
            + "for a different request")
    @APIResponse(responseCode = "422", description = "/problems/unknown-security: the security is not accepted as "
            + "collateral")
    @POST
    @Path("/{id}/securities/deposits")
    public Response depositSecurity(@PathParam("id") String accountId,
                                    @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
                                    @Valid @NotNull SecurityMovement request) {
        return respond(ledger.security(JournalEntry.Kind.DEPOSIT, accountId, idempotencyKey, request.securityId(),
                request.nominal(), request.reference(), caller.name()));
    }

    @Operation(summary = "Withdraw a security",
            description = "A security delivered out of the account, only from collateral in excess of the margin "
                    + "requirement. Needs an Idempotency-Key header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"securityId": "US912797LB18", "nominal": 100000.00, "reference": "DTC-20261201-7781"}"""))
    @APIResponse(responseCode = "201", description = "The new journal entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key was used before for the same request: the "
            + "same entry (Idempotent-Replayed: true), nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "404", description = "No account with this id")
    @APIResponse(responseCode = "409", description = "/problems/idempotency-key-reused: the Idempotency-Key was used "
            + "for a different request (or /problems/member-defaulted: the account's member is DEFAULTED, its "
            + "collateral stays with the CCP for default management)")
    @APIResponse(responseCode = "422", description = "/problems/insufficient-excess-collateral: the withdrawal would "
            + "leave the account's collateral below its margin requirement (or /problems/insufficient-holding, "
            + "/problems/valuation-unavailable, /problems/account-suspended, /problems/member-suspended)")
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
