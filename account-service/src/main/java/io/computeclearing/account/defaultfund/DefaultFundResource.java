package io.computeclearing.account.defaultfund;

import io.computeclearing.account.ledger.CollateralLedger;
import io.computeclearing.account.ledger.CollateralMovementResource;
import io.computeclearing.account.ledger.CollateralMovementResource.CashMovement;
import io.computeclearing.account.ledger.JournalEntry;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * A member's default fund contribution: its position, the cash the back office records as paid in, and releases of
 * what is held above the requirement. A member user sees and releases only its own (another member answers 404).
 * Movements carry an {@code Idempotency-Key}, scoped to the member, as account movements do.
 */
@Path("/default-fund")
public class DefaultFundResource {

    private final DefaultFund fund;
    private final Caller caller;

    public DefaultFundResource(DefaultFund fund, Caller caller) {
        this.fund = fund;
        this.caller = caller;
    }

    @Operation(summary = "The default fund",
            description = "Every member with a required contribution or a contribution held, and the fund's totals: "
                    + "required, held, the CCP's fund account (always -held: the book sums to zero) and the shortfall "
                    + "contribution calls still ask for. Staff only; a member reads its own position at "
                    + "/default-fund/{memberId}.")
    @APIResponseSchema(value = DefaultFundSummary.class, responseCode = "200", responseDescription = "The fund")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN})
    public DefaultFundSummary summary() {
        return fund.summary();
    }

    @Operation(summary = "A member's default fund position",
            description = "The required contribution (latest sizing; zero before any), what is held, what may be "
                    + "released (held - required, at least 0) and the outstanding contribution call, in the fund's "
                    + "currency. A member sees only its own; another member answers 404, as if it did not exist.")
    @APIResponseSchema(value = DefaultFundPosition.class, responseCode = "200", responseDescription = "The position")
    @APIResponse(responseCode = "404", description = "No member with this id, or another member")
    @GET
    @Path("/{memberId}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public DefaultFundPosition position(@PathParam("memberId") String memberId) {
        caller.requireAccess(memberId, "member", memberId);
        return fund.position(memberId);
    }

    @Operation(summary = "Record a default fund contribution",
            description = "Cash the member paid into the default fund, as the bank statement shows it, in the fund's "
                    + "currency (USD). It is never margin cover and settles the member's contribution call once the "
                    + "required contribution is held. Needs an Idempotency-Key header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"currency": "USD", "amount": 1500000.00, "reference": "FED-20261201-0107"}"""))
    @APIResponse(responseCode = "201", description = "The new journal entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key was used before for the same request: the "
            + "same entry (Idempotent-Replayed: true), nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: currency: the default fund is held in "
            + "USD, not CNY")
    @APIResponse(responseCode = "404", description = "No member with this id")
    @APIResponse(responseCode = "409", description = "/problems/idempotency-key-reused: the Idempotency-Key was used "
            + "for a different request")
    @POST
    @Path("/{memberId}/contributions")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response contribute(@PathParam("memberId") String memberId,
                               @HeaderParam(CollateralMovementResource.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200)
                               String idempotencyKey,
                               @Valid @NotNull CashMovement request) {
        return respond(fund.contribute(memberId, idempotencyKey, request.currency(), request.amount(),
                request.reference(), caller.name()));
    }

    @Operation(summary = "Release default fund excess",
            description = "Pays back, at the member's request, part of what it holds in the default fund above its "
                    + "required contribution: never more than held - required, never while the member is suspended, "
                    + "never once it is DEFAULTED. "
                    + "A lower requirement releases nothing by itself. A member sees and releases only its own; "
                    + "another member answers 404, as if it did not exist. Needs an Idempotency-Key header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"currency": "USD", "amount": 250000.00, "reference": "release after the December sizing"}"""))
    @APIResponse(responseCode = "201", description = "The new journal entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key was used before for the same request: the "
            + "same entry (Idempotent-Replayed: true), nothing recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JournalEntry.class)))
    @APIResponse(responseCode = "400", description = "/problems/validation: currency: the default fund is held in "
            + "USD, not CNY")
    @APIResponse(responseCode = "404", description = "No member with this id, or another member")
    @APIResponse(responseCode = "409", description = "/problems/idempotency-key-reused: the Idempotency-Key was used "
            + "for a different request (or /problems/member-defaulted: the member is DEFAULTED, its contribution "
            + "stays with the CCP for default management)")
    @APIResponse(responseCode = "422", description = "/problems/insufficient-fund-excess: the release is more than "
            + "the member holds above its required contribution (or /problems/member-suspended)")
    @POST
    @Path("/{memberId}/releases")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.MEMBER})
    public Response release(@PathParam("memberId") String memberId,
                            @HeaderParam(CollateralMovementResource.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200)
                            String idempotencyKey,
                            @Valid @NotNull CashMovement request) {
        caller.requireAccess(memberId, "member", memberId);
        return respond(fund.release(memberId, idempotencyKey, request.currency(), request.amount(),
                request.reference(), caller.name()));
    }

    private static Response respond(CollateralLedger.Recorded recorded) {
        return Response.status(recorded.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .header(CollateralMovementResource.REPLAYED, recorded.replayed())
                .entity(recorded.entry())
                .build();
    }
}
