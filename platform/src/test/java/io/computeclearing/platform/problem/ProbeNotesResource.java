package io.computeclearing.platform.problem;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.time.LocalDate;

/** A second resource class under {@code /probe}: the path is split over two classes. */
@Path("/probe/days/{day}/notes")
@RolesAllowed(Roles.ADMIN)
public class ProbeNotesResource {

    @GET
    public String notes(@PathParam("day") LocalDate day) {
        return "notes of " + day;
    }
}
