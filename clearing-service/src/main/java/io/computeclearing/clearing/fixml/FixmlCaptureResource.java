package io.computeclearing.clearing.fixml;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * Trade capture in FIXML: the exchange's {@code TrdCaptRpt} messages (FIX 5.0 SP2), one or a {@code Batch}, with
 * NEW, CANCEL and REPLACE mapped onto capture, bust and correction.
 */
@Path("/trades/fixml")
public class FixmlCaptureResource {

    private final FixmlCapture capture;

    public FixmlCaptureResource(FixmlCapture capture) {
        this.capture = capture;
    }

    /**
     * 200 with one result per report; 400 {@code /problems/malformed-fixml} when the document cannot be read (not
     * well-formed, a DOCTYPE, not FIXML 5.0 SP2, other messages), with nothing written.
     */
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BACK_OFFICE)
    public FixmlCaptureResult submit(InputStream document) {
        return capture.capture(document);
    }
}
