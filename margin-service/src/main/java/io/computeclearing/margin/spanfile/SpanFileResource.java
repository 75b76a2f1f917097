package io.computeclearing.margin.spanfile;

import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * SPAN risk parameter files (XML 4.00): the parameters in force for members and third-party tools to recompute our
 * margins, and the import of a file as new parameter versions by the risk team.
 */
@Path("/span-files")
public class SpanFileResource {

    private final SpanFiles files;
    private final Caller caller;
    private final Clock clock;

    public SpanFileResource(SpanFiles files, Caller caller, Clock clock) {
        this.files = files;
        this.caller = caller;
        this.clock = clock;
    }

    /** The SPAN file of the parameters in force on {@code businessDate} (ISO date, default today UTC). */
    @GET
    @Path("/current")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({Roles.RISK, Roles.BACK_OFFICE, Roles.MEMBER})
    public Response current(@QueryParam("businessDate") String businessDate) {
        LocalDate date = date("businessDate", businessDate, today());
        return Response.ok(files.export(date), MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", "attachment; filename=\"ccp-span-"
                        + SpanFileWriter.DATE.format(date) + ".xml\"")
                .build();
    }

    /**
     * Imports a SPAN file: 201 when new versions were recorded, 200 when the file equals the parameters in force
     * (nothing recorded); 400 {@code /problems/malformed-span-file} or 422 {@code /problems/inconsistent-span-file}
     * naming the element, with nothing written.
     */
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RISK)
    public Response importFile(String document, @QueryParam("effectiveFrom") String effectiveFrom) {
        SpanFileImport result = files.importFile(document, date("effectiveFrom", effectiveFrom, null), caller.name(),
                today());
        return Response.status(result.createdAny() ? Response.Status.CREATED : Response.Status.OK).entity(result)
                .build();
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a date YYYY-MM-DD");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
