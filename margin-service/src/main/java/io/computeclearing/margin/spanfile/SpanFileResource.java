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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(summary = "SPAN risk parameter file in force",
            description = "The SPAN XML 4.00 file of the parameters in force on businessDate (ISO date, default today "
                    + "UTC), for members and third-party tools to recompute margins. A member sees the same file as "
                    + "everyone: it holds parameters, no member's data.")
    @APIResponse(responseCode = "200", description = "The SPAN XML file",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "/problems/validation: businessDate: 'tomorrow' is not a date "
            + "YYYY-MM-DD")
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
    @Operation(summary = "Import a SPAN risk parameter file",
            description = "Records the file's parameters (and inter-commodity spreads) as new versions effective from "
                    + "effectiveFrom: 201 when new versions were recorded, 200 when the file equals the parameters in "
                    + "force and nothing was recorded. A refused file writes nothing.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_XML, example = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <spanFile>
                     <fileFormat>4.00</fileFormat>
                     <created>202611240600</created>
                     <pointInTime>
                      <date>20261124</date>
                      <isSetl>1</isSetl>
                      <!-- clearingOrg with pbRateDef, pointDef and one exchange holding phyPf, futPf and ccDef per
                           product family: the layout GET /span-files/current answers -->
                     </pointInTime>
                    </spanFile>
                    """),
            @Content(mediaType = MediaType.TEXT_XML, example = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <spanFile>
                     <fileFormat>4.00</fileFormat>
                     <created>202611240600</created>
                     <pointInTime>
                      <date>20261124</date>
                      <isSetl>1</isSetl>
                      <!-- clearingOrg with pbRateDef, pointDef and one exchange holding phyPf, futPf and ccDef per
                           product family: the layout GET /span-files/current answers -->
                     </pointInTime>
                    </spanFile>
                    """)})
    @APIResponse(responseCode = "201", description = "New parameter versions recorded",
            content = @Content(schema = @Schema(implementation = SpanFileImport.class)))
    @APIResponse(responseCode = "200", description = "The file equals the parameters in force; nothing recorded",
            content = @Content(schema = @Schema(implementation = SpanFileImport.class)))
    @APIResponse(responseCode = "400", description = "/problems/malformed-span-file: the document is not a SPAN file "
            + "(not XML, or an element is missing or unreadable); the element is named")
    @APIResponse(responseCode = "422", description = "/problems/inconsistent-span-file: the file contradicts itself (a "
            + "risk array that does not follow from its price and scan range) or asks for what is not margined here "
            + "(options, a non-standard scenario grid); the element is named")
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
