package io.computeclearing.platform.problem;

import io.computeclearing.platform.security.Roles;
import io.computeclearing.platform.bounds.Decimal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Operations that exist only to be refused: every kind of parameter, a body, and a failure of our own. */
@Path("/probe")
@RolesAllowed(Roles.ADMIN)
public class ProbeResource {

    public enum Side { BUY, SELL }

    public record Order(Side side, long quantity, BigDecimal price) {
    }

    public record Booking(@Size(max = 10) String reference, @Decimal(integer = 4, fraction = 2) BigDecimal amount,
                          boolean urgent) {
    }

    @POST
    @Path("/bookings")
    public Booking book(@Valid Booking booking) {
        return booking;
    }

    public record Delivery(LocalDate valueDate, Instant at) {
    }

    @POST
    @Path("/deliveries")
    public Delivery deliver(Delivery delivery) {
        return delivery;
    }

    @GET
    @Path("/days/{day}/orders/{id}")
    public String order(@PathParam("day") LocalDate day, @PathParam("id") long id) {
        return day + "/" + id;
    }

    @GET
    @Path("/orders")
    public String orders(@QueryParam("asOf") Instant asOf, @QueryParam("side") Side side,
                         @QueryParam("page") int page, @QueryParam("minPrice") BigDecimal minPrice) {
        return asOf + "/" + side + "/" + page + "/" + minPrice;
    }

    @POST
    @Path("/orders")
    public Order place(Order order) {
        return order;
    }

    @POST
    @Path("/orders/xml")
    @Consumes(MediaType.APPLICATION_XML)
    public String placeXml(String order) {
        return order;
    }

    @Inject
    EntityManager em;

    /** Inserts without looking first, so a second call breaks the primary key as a lost race would. */
    @POST
    @Path("/counters/{name}")
    @Transactional
    public String createCounter(@PathParam("name") String name) {
        em.createNativeQuery("insert into probe_counter (name, value) values (:name, 0)")
                .setParameter("name", name).executeUpdate();
        return name;
    }

    @GET
    @Path("/failure")
    public String failure() {
        throw new IllegalStateException("SQL [select * from org.example.secret] failed at io.example.Store");
    }
}
