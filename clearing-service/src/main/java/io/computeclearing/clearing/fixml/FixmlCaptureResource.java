package io.computeclearing.clearing.fixml;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

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
    @Operation(summary = "Report trades in FIXML",
            description = "TradeCaptureReports (FIXML 5.0 SP2), one or a Batch: NEW, CANCEL and REPLACE become "
                    + "capture, "
                    + "bust and correction. One result per report; a refused report carries its problem in the result.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_XML, example = """
                    <FIXML xmlns="http://www.fixprotocol.org/FIXML-5-0-SP2" v="5.0 SP2">
                     <TrdCaptRpt RptID="RPT-20261201-000187" TrdID="XC-20261201-000187" TransTyp="0" RptTyp="0"
                                 TrdTyp="0" LastQty="25" LastPx="2.605" TrdDt="2026-12-01" BizDt="2026-12-01"
                                 TxnTm="2026-12-01T14:30:00.123-06:00">
                      <Instrmt ID="GH100" Src="H" SecTyp="FUT" MMY="202612" Exch="XCHG"/>
                      <RptSide Side="1"><Pty ID="ALPHA" R="4"/><Pty ID="ALPHA-H" R="24"/></RptSide>
                      <RptSide Side="2"><Pty ID="BRAVO" R="4"/><Pty ID="BRAVO-H" R="24"/></RptSide>
                     </TrdCaptRpt>
                    </FIXML>
                    """),
            @Content(mediaType = MediaType.TEXT_XML, example = """
                    <FIXML xmlns="http://www.fixprotocol.org/FIXML-5-0-SP2" v="5.0 SP2">
                     <TrdCaptRpt RptID="RPT-20261201-000187" TrdID="XC-20261201-000187" TransTyp="0" RptTyp="0"
                                 TrdTyp="0" LastQty="25" LastPx="2.605" TrdDt="2026-12-01" BizDt="2026-12-01"
                                 TxnTm="2026-12-01T14:30:00.123-06:00">
                      <Instrmt ID="GH100" Src="H" SecTyp="FUT" MMY="202612" Exch="XCHG"/>
                      <RptSide Side="1"><Pty ID="ALPHA" R="4"/><Pty ID="ALPHA-H" R="24"/></RptSide>
                      <RptSide Side="2"><Pty ID="BRAVO" R="4"/><Pty ID="BRAVO-H" R="24"/></RptSide>
                     </TrdCaptRpt>
                    </FIXML>
                    """)})
    @APIResponseSchema(value = FixmlCaptureResult.class, responseCode = "200",
            responseDescription = "One result per report")
    @APIResponse(responseCode = "400", description = "/problems/malformed-fixml: the document cannot be read (not "
            + "well-formed, a DOCTYPE, not FIXML 5.0 SP2, other messages); nothing is written")
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BACK_OFFICE)
    public FixmlCaptureResult submit(InputStream document) {
        return capture.capture(document);
    }
}
