package io.computeclearing.clearing.fixml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test documents: the published-shape samples under {@code src/test/resources/fixml/} and a compact valid report. */
final class TrdCaptRptDocuments {

    /** A valid GH100 Jan 2027 trade, ALPHA-H buys 25 @ 2.605 from BRAVO-H; tests alter one thing at a time. */
    static final String VALID = """
            <FIXML v="5.0 SP2">
              <TrdCaptRpt RptID="R-1" TrdID="T-1" TransTyp="0" TrdTyp="0" LastQty="25" LastPx="2.605"
                          TrdDt="2026-11-24" BizDt="2026-11-24" TxnTm="2026-11-24T20:30:00Z">
                <Instrmt ID="GH100" Src="H" MMY="202701"/>
                <RptSide Side="1"><Pty ID="ALPHA" R="4"/><Pty ID="ALPHA-H" R="24"/></RptSide>
                <RptSide Side="2"><Pty ID="BRAVO" R="4"/><Pty ID="BRAVO-H" R="24"/></RptSide>
              </TrdCaptRpt>
            </FIXML>
            """;

    private TrdCaptRptDocuments() {
    }

    /** {@link #VALID} with the first attribute of that name set to {@code value}. */
    static String withAttribute(String attribute, String value) {
        Matcher matcher = attributePattern(attribute).matcher(VALID);
        if (!matcher.find()) {
            throw new IllegalArgumentException("test document has no " + attribute);
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(" " + attribute + "=\"" + value + "\""));
    }

    /** {@link #VALID} without the first attribute of that name. */
    static String withoutAttribute(String attribute) {
        return requireChanged(attributePattern(attribute).matcher(VALID).replaceFirst(""), attribute);
    }

    /** {@link #VALID} with one literal piece of it replaced. */
    static String replacing(String piece, String replacement) {
        return requireChanged(VALID.replace(piece, replacement), piece);
    }

    static InputStream resource(String name) {
        InputStream in = TrdCaptRptDocuments.class.getResourceAsStream("/fixml/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource fixml/" + name);
        }
        return in;
    }

    static String resourceText(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern attributePattern(String attribute) {
        return Pattern.compile(" " + Pattern.quote(attribute) + "=\"[^\"]*\"");
    }

    private static String requireChanged(String changed, String what) {
        if (changed.equals(VALID)) {
            throw new IllegalArgumentException("test document has no " + what);
        }
        return changed;
    }
}
