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
import jakarta.ws.rs.core.Response;

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

    @GET
    @Path("/families")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<FamilyView> families() {
        return catalogue.families().stream().map(FamilyView::of).toList();
    }

    @GET
    @Path("/families/{symbol}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public FamilyView family(@PathParam("symbol") String symbol) {
        return FamilyView.of(catalogue.family(symbol));
    }

    /** Defines a family and lists its contract months from today. */
    @POST
    @Path("/families")
    @RolesAllowed(Roles.BACK_OFFICE)
    public Response define(@Valid @NotNull NewFamily request) {
        ContractFamily family = catalogue.define(request);
        return Response.created(URI.create("/catalogue/families/" + family.symbol)).entity(FamilyView.of(family)).build();
    }

    @PUT
    @Path("/families/{symbol}/holidays")
    @RolesAllowed(Roles.BACK_OFFICE)
    public FamilyView holidays(@PathParam("symbol") String symbol, @Valid @NotNull Holidays request) {
        return FamilyView.of(catalogue.replaceHolidays(symbol, request.holidays()));
    }

    @GET
    @Path("/instruments")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<InstrumentView> instruments(@QueryParam("family") String family,
                                            @QueryParam("status") Instrument.Status status) {
        return catalogue.instruments(family, status).stream().map(InstrumentView::of).toList();
    }

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
