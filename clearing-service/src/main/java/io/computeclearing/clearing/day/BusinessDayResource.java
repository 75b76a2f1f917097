package io.computeclearing.clearing.day;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Clearing business days: the back office opens and closes them; everyone may see which are open. */
@Path("/business-days")
public class BusinessDayResource {

    public record BusinessDayView(LocalDate date, BusinessDay.Status status, Instant openedAt, Instant closedAt) {

        static BusinessDayView of(BusinessDay day) {
            return new BusinessDayView(day.date, day.status, day.openedAt, day.closedAt);
        }
    }

    private final BusinessDays days;

    public BusinessDayResource(BusinessDays days) {
        this.days = days;
    }

    /** Latest first; {@code status} filters. */
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<BusinessDayView> list(@QueryParam("status") BusinessDay.Status status) {
        return days.list(status).stream().map(BusinessDayView::of).toList();
    }

    @POST
    @Path("/{date}/open")
    @RolesAllowed(Roles.BACK_OFFICE)
    public BusinessDayView open(@PathParam("date") LocalDate date) {
        return BusinessDayView.of(days.open(date));
    }

    @POST
    @Path("/{date}/close")
    @RolesAllowed(Roles.BACK_OFFICE)
    public BusinessDayView close(@PathParam("date") LocalDate date) {
        return BusinessDayView.of(days.close(date));
    }
}
