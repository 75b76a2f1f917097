package io.computeclearing.settlement.price;

import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.LocalDate;
import java.util.List;

/** Daily settlement prices per business date: the back office sets them; everyone, members included, reads them. */
@Path("/settlement-prices")
public class SettlementPriceResource {

    /** Prices per publication: far more than the catalogue lists, and a bound on one request's work. */
    public static final int MAX_PRICES = 1000;

    /** Which instrument to derive the price of. */
    public record Derivation(String instrumentId) {
    }

    private final SettlementPrices prices;
    private final Caller caller;

    public SettlementPriceResource(SettlementPrices prices, Caller caller) {
        this.prices = prices;
        this.caller = caller;
    }

    @Operation(summary = "Settlement prices of a business date",
            description = "The daily settlement prices in force for the business date. Prices are public: a member "
                    + "sees "
                    + "the same as everyone.")
    @GET
    @Path("/{businessDate}")
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<SettlementPriceView> inForce(@PathParam("businessDate") LocalDate businessDate) {
        return prices.inForce(businessDate);
    }

    /** Publishes {@code [{instrumentId, price}]}: all or nothing; returns the prices now in force for them. */
    @Operation(summary = "Publish settlement prices",
            description = "Publishes [{instrumentId, price}] for the business date, all or nothing, and answers the "
                    + "prices now in force for them. Prices can change until the date's end-of-day run.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            [{"instrumentId": "GH100-202612", "price": 2.615}, {"instrumentId": "TKFRC-202612", "price": 18.45}]"""))
    @APIResponse(responseCode = "200", description = "The prices now in force for the instruments", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SettlementPriceView.class)))
    @APIResponse(responseCode = "409", description = "/problems/prices-fixed: the end-of-day run of this date has been "
            + "done; its settlement prices can no longer change")
    @APIResponse(responseCode = "422", description = "/problems/off-tick-price: a price is not a multiple of the "
            + "instrument's tick (or, /problems/unknown-instrument or /problems/instrument-settled, the instrument is "
            + "not listed or already finally settled); nothing is published")
    @POST
    @Path("/{businessDate}")
    @RolesAllowed(Roles.BACK_OFFICE)
    public List<SettlementPriceView> publish(@PathParam("businessDate") LocalDate businessDate,
                                             @Valid @NotNull @Size(min = 1, max = MAX_PRICES)
                                             List<SettlementPrices.@Valid Submission> submissions) {
        return prices.publish(businessDate, submissions, caller.name());
    }

    @Operation(summary = "Derive a settlement price from the index",
            description = "Sets the instrument's settlement price for the business date from its index value of that "
                    + "date.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"instrumentId": "GH100-202612"}"""))
    @APIResponseSchema(value = SettlementPriceView.class, responseCode = "200",
            responseDescription = "The price in force")
    @APIResponse(responseCode = "409", description = "/problems/index-value-missing: the index has no value for this "
            + "date (or, /problems/prices-fixed, the date's end-of-day run has been done)")
    @APIResponse(responseCode = "422", description = "/problems/index-currency-mismatch: the index is in another "
            + "currency than the instrument (or, /problems/unknown-instrument, the instrument is not listed)")
    @POST
    @Path("/{businessDate}/derive")
    @RolesAllowed(Roles.BACK_OFFICE)
    public SettlementPriceView derive(@PathParam("businessDate") LocalDate businessDate, Derivation derivation) {
        return prices.derive(businessDate, derivation == null ? null : derivation.instrumentId(), caller.name());
    }
}
