package io.computeclearing.clearing.fixml;

import java.util.List;
import java.util.Map;

/**
 * A {@code TrdCaptRpt} as it stands in the XML, before any field rule is applied: attribute values by name, blank
 * values already dropped. {@link TrdCaptRptMapping} turns it into a {@link FixmlTradeReport}.
 *
 * @param attributes  the report's own attributes ({@code RptID}, {@code LastQty}, ...)
 * @param instruments the attributes of each {@code Instrmt} element (FIXML allows exactly one)
 * @param sides       each {@code RptSide} in document order
 */
record TrdCaptRptElement(Map<String, String> attributes, List<Map<String, String>> instruments,
                         List<RptSide> sides) {

    /** One {@code RptSide}: its attributes ({@code Side}, {@code Acct}, ...) and its parties. */
    record RptSide(Map<String, String> attributes, List<Party> parties) {
    }

    /** One {@code Pty}: the party's id and its FIX PartyRole ({@code R}), either may be null when absent. */
    record Party(String id, String role) {
    }
}
