package io.computeclearing.clearing.catalogue;

import io.computeclearing.clearing.config.ClearingConfig;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The product catalogue: contract families and their listed instruments. Everyone with a token reads it; the back
 * office defines families, their holidays and rolls the listings.
 */
@Path("/catalogue")
public class CatalogueResource {

    /** The holidays of a family's trading calendar, replacing the ones it had. */
    public record Holidays(@NotNull List<@NotNull LocalDate> holidays) {
    }

    private final Catalogue catalogue;
    private final Listings listings;
    private final Clock clock;

    public CatalogueResource(Catalogue catalogue, Listings listings, Clock clock, ClearingConfig config) {
        this.catalogue = catalogue;
        this.listings = listings;
        this.clock = clock.withZone(config.zone());
    }

    @Operation(summary = "Contract families",
            description = "Every contract family of the product catalogue."
                    + " The catalogue holds no member's data: a member sees the same families and instruments "
                    + "as everyone.")
    @GET
    @Path("/families")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<FamilyView> families() {
        return catalogue.families().stream().map(FamilyView::of).toList();
    }

    @Operation(summary = "A contract family",
            description = "The family with its contract terms and trading calendar."
                    + " The catalogue holds no member's data: a member sees the same families and instruments "
                    + "as everyone.")
    @APIResponseSchema(value = FamilyView.class, responseCode = "200", responseDescription = "The family")
    @APIResponse(responseCode = "404", description = "No contract family with this symbol")
    @GET
    @Path("/families/{symbol}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public FamilyView family(@PathParam("symbol") String symbol) {
        return FamilyView.of(catalogue.family(symbol));
    }

    /** Defines a family and lists its contract months from today. */
    @Operation(summary = "Define a contract family",
            description = "Defines a family and lists its contract months from today.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"symbol": "GH100", "description": "NVIDIA H100 GPU-hour future", "underlyingIndexId": "SDH100RT",
             "currency": "USD", "contractUnit": 1000, "unitDescription": "GPU-hours", "tickSize": 0.001,
             "listingCycleMonths": 6, "lastTradingDayRule": "LAST_BUSINESS_DAY_OF_MONTH", "lastTradingDayOffset": 0,
             "finalSettlementRule": "AVERAGE_OVER_MONTH", "holidays": ["2026-12-25"]}"""))
    @APIResponse(responseCode = "201", description = "The family, with its contract months listed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FamilyView.class)))
    @APIResponse(responseCode = "409", description = "/problems/family-exists: a contract family with this symbol "
            + "already exists")
    @POST
    @Path("/families")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@Valid @NotNull NewFamily request) {
        ContractFamily family = catalogue.define(request);
        return Response.created(URI.create("/catalogue/families/" + family.symbol)).entity(FamilyView.of(family)).build();
    }

    @Operation(summary = "Replace a family's holidays",
            description = "The holidays of the family's trading calendar, replacing the ones it had.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"holidays": ["2026-12-25", "2027-01-01"]}"""))
    @APIResponseSchema(value = FamilyView.class, responseCode = "200", responseDescription = "The family")
    @APIResponse(responseCode = "404", description = "No contract family with this symbol")
    @PUT
    @Path("/families/{symbol}/holidays")
    @RolesAllowed(Roles.BACK_OFFICE)
    public FamilyView holidays(@PathParam("symbol") String symbol, @Valid @NotNull Holidays request) {
        return FamilyView.of(catalogue.replaceHolidays(symbol, request.holidays()));
    }

    @Operation(summary = "Listed instruments",
            description = "The instruments (contract months), optionally of one family and in one status."
                    + " The catalogue holds no member's data: a member sees the same families and instruments "
                    + "as everyone.")
    @GET
    @Path("/instruments")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<InstrumentView> instruments(@QueryParam("family") String family,
                                            @QueryParam("status") Instrument.Status status) {
        return catalogue.instruments(family, status).stream().map(InstrumentView::of).toList();
    }

    @Operation(summary = "An instrument",
            description = "One contract month by its id, such as GH100-202612."
                    + " The catalogue holds no member's data: a member sees the same families and instruments "
                    + "as everyone.")
    @APIResponseSchema(value = InstrumentView.class, responseCode = "200", responseDescription = "The instrument")
    @APIResponse(responseCode = "404", description = "No instrument with this id")
    @GET
    @Path("/instruments/{id}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public InstrumentView instrument(@PathParam("id") String id) {
        return InstrumentView.of(catalogue.instrument(id));
    }

    /**
     * Lists each family's contract months as of {@code asOf} (default today) and updates instrument statuses;
     * {@code family} restricts the roll to one family. Idempotent. The service also rolls by itself at start-up
     * and every hour.
     */
    @Operation(summary = "Roll the listings",
            description = "Lists each family's contract months as of asOf (default today) and updates instrument "
                    + "statuses; family restricts the roll to one family. Idempotent; the service also rolls by itself "
                    + "at start-up and every hour.")
    @APIResponseSchema(value = Listings.RollResult.class, responseCode = "200",
            responseDescription = "The instruments listed and those whose status changed")
    @APIResponse(responseCode = "404", description = "No contract family with this symbol")
    @POST
    @Path("/listings/roll")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Listings.RollResult roll(@QueryParam("asOf") LocalDate asOf, @QueryParam("family") String family) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        if (family != null) {
            return listings.roll(List.of(catalogue.family(family)), day);
        }
        return listings.rollAll(day);
    }
}
