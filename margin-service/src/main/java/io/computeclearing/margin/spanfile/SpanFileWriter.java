package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.parameters.InterSpreadDefinition;
import io.computeclearing.margin.span.ScenarioGrid;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SpanFileContent} as a SPAN risk parameter file in the XML format 4.00: {@code spanFile/pointInTime}
 * with one {@code clearingOrg} per scenario grid (families that share the extreme move share a clearing
 * organisation block), holding the performance bond rate definitions (account types H house, O client omnibus, S
 * client segregated), the {@code pointDef} grid, one {@code ccDef} per family (pfLink, the initial/maintenance ratios
 * as {@code adjRate}, one intra tier per contract month, a one-to-one {@code dSpread} between every pair of months at
 * the family's flat charge, nearest pairs first, a zero short option minimum), the inter-commodity spreads whose
 * first leg is one of the organisation's families ({@link InterCommoditySpreadDefinition}; the first organisation also
 * takes those naming no family in the file) and the
 * {@code exchange} with per family an index portfolio {@code phyPf} (the configured reference price and price scan
 * range) and a futures portfolio {@code futPf} with each month's price, scan range and 16-value risk array.
 */
public final class SpanFileWriter {

    /** The SPAN XML format written and read. */
    public static final String FORMAT = "4.00";
    /** Code of the clearing organisation and of the exchange in the file. */
    public static final String CLEARING_ORG = "CCP";
    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    /** SPAN account type code, customer flag and our account type, in the order of their rate numbers 1..3. */
    static final String[][] ACCOUNT_TYPES = {{"H", "0", "HOUSE"}, {"O", "1", "CLIENT_OMNIBUS"},
            {"S", "1", "CLIENT_SEGREGATED"}};

    /** The file as XML text (UTF-8 declared). */
    public String write(SpanFileContent content, Instant created) {
        Document doc = newDocument();
        Element root = doc.createElement("spanFile");
        doc.appendChild(root);
        add(root, "fileFormat", FORMAT);
        add(root, "created", CREATED.format(created));
        Element pointInTime = add(root, "pointInTime");
        add(pointInTime, "date", DATE.format(content.businessDate()));
        add(pointInTime, "isSetl", "1");
        add(pointInTime, "setlQualifier", "final");

        Map<String, List<SpanFileContent.Family>> byGrid = new LinkedHashMap<>();
        for (SpanFileContent.Family f : content.families()) {
            String grid = f.extremeMoveMultiple().stripTrailingZeros().toPlainString() + "/"
                    + f.extremeMoveCover().stripTrailingZeros().toPlainString();
            byGrid.computeIfAbsent(grid, g -> new ArrayList<>()).add(f);
        }
        if (byGrid.isEmpty()) {
            byGrid.put("none", List.of());
        }
        boolean first = true;
        for (List<SpanFileContent.Family> families : byGrid.values()) {
            clearingOrg(pointInTime, families, spreadsOf(content, families, first));
            first = false;
        }
        return serialise(doc);
    }

    /** The spreads written in an organisation: those whose first leg is one of its families. */
    private static List<InterSpreadDefinition> spreadsOf(SpanFileContent content,
            List<SpanFileContent.Family> families, boolean first) {
        List<String> here = families.stream().map(SpanFileContent.Family::family).toList();
        List<String> all = content.families().stream().map(SpanFileContent.Family::family).toList();
        return content.interSpreads().stream().filter(s -> {
            String lead = s.legs().getFirst().family();
            return here.contains(lead) || (first && !all.contains(lead));
        }).toList();
    }

    private static void clearingOrg(Element pointInTime, List<SpanFileContent.Family> families,
            List<InterSpreadDefinition> interSpreads) {
        Element org = add(pointInTime, "clearingOrg");
        add(org, "ec", CLEARING_ORG);
        add(org, "name", "Compute Clearing");
        add(org, "isContractScale", "1");
        add(org, "lookAheadYears", "0.002740");
        for (int r = 0; r < ACCOUNT_TYPES.length; r++) {
            Element def = add(org, "pbRateDef");
            add(def, "r", String.valueOf(r + 1));
            add(def, "isCust", ACCOUNT_TYPES[r][1]);
            add(def, "acctType", ACCOUNT_TYPES[r][0]);
            add(def, "isM", "0");
            add(def, "pbc", ACCOUNT_TYPES[r][2]);
        }
        // With no family in force the file still names a grid (CME's), so that it reads back.
        ScenarioGrid grid = families.isEmpty() ? ScenarioGrid.cme()
                : ScenarioGrid.of(families.getFirst().extremeMoveMultiple(), families.getFirst().extremeMoveCover());
        SpanGridDefinition.write(org, grid.extremeMultiple(), grid.coverFraction());
        int pfId = 1;
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (SpanFileContent.Family f : families) {
            ids.put(f.family(), pfId);
            pfId += 2;
        }
        for (SpanFileContent.Family f : families) {
            ccDef(org, f, ids.get(f.family()) + 1);
        }
        InterCommoditySpreadDefinition.write(org, interSpreads);
        Element exchange = add(org, "exchange");
        add(exchange, "exch", CLEARING_ORG);
        add(exchange, "name", "Compute futures");
        for (SpanFileContent.Family f : families) {
            int phyId = ids.get(f.family());
            Element phyPf = portfolio(exchange, "phyPf", phyId, f, f.family() + " index");
            Element phy = add(phyPf, "phy");
            add(phy, "cId", "1");
            add(phy, "p", plain(f.referencePrice()));
            scanRate(phy, f.referencePrice().abs().multiply(f.priceScanFraction()));

            Element futPf = portfolio(exchange, "futPf", phyId + 1, f, f.family() + " futures");
            add(futPf, "valueMeth", "FUT");
            add(futPf, "setlMeth", "CASH");
            Element und = add(futPf, "undPf");
            add(und, "exch", CLEARING_ORG);
            add(und, "pfId", String.valueOf(phyId));
            add(und, "pfCode", f.family());
            add(und, "pfType", "PHY");
            int cId = 1;
            for (SpanFileContent.Contract c : f.contracts()) {
                Element fut = add(futPf, "fut");
                add(fut, "cId", String.valueOf(cId++));
                add(fut, "pe", MONTH.format(c.month()));
                add(fut, "p", plain(c.price()));
                add(fut, "d", "1");
                add(fut, "sc", "1");
                add(fut, "cvf", plain(f.contractUnit()));
                scanRate(fut, c.priceScanRange());
                Element ra = add(fut, "ra");
                add(ra, "r", "1");
                for (BigDecimal loss : c.riskArray().losses()) {
                    add(ra, "a", loss.toPlainString());
                }
                add(ra, "d", plain(c.riskArray().compositeDelta()));
            }
        }
    }

    private static void ccDef(Element org, SpanFileContent.Family f, int futPfId) {
        Element cc = add(org, "ccDef");
        add(cc, "cc", f.family());
        add(cc, "name", f.family());
        add(cc, "currency", f.currency());
        add(cc, "procMeth", "NORMAL");
        Element link = add(cc, "pfLink");
        add(link, "exch", CLEARING_ORG);
        add(link, "pfId", String.valueOf(futPfId));
        add(link, "pfCode", f.family());
        add(link, "pfType", "FUT");
        add(link, "sc", "1");
        BigDecimal[] ratios = {f.ratioHouse(), f.ratioClientOmnibus(), f.ratioClientSegregated()};
        for (int r = 0; r < ratios.length; r++) {
            Element adj = add(cc, "adjRate");
            add(adj, "r", String.valueOf(r + 1));
            add(adj, "val", plain(ratios[r]));
        }
        CalendarSpreadDefinition.write(cc, f);
        Element som = add(add(cc, "somTiers"), "tier");
        add(som, "tn", "0");
        Element somRate = add(som, "rate");
        add(somRate, "r", "1");
        add(somRate, "val", "0");
    }

    private static Element portfolio(Element exchange, String kind, int id, SpanFileContent.Family f, String name) {
        Element pf = add(exchange, kind);
        add(pf, "pfId", String.valueOf(id));
        add(pf, "pfCode", f.family());
        add(pf, "name", name);
        add(pf, "currency", f.currency());
        add(pf, "cvf", plain(f.contractUnit()));
        return pf;
    }

    private static void scanRate(Element parent, BigDecimal priceScan) {
        Element rate = add(parent, "scanRate");
        add(rate, "r", "1");
        add(rate, "priceScan", plain(priceScan));
        add(rate, "volScan", "0");
    }

    static void fraction(Element parent, String name, BigInteger numerator, BigInteger denominator) {
        Element def = add(parent, name);
        add(def, "numerator", numerator.toString());
        add(def, "denominator", denominator.toString());
    }

    /** A parameter without the trailing zeros of its stored scale (0.650000000000 is written 0.65). */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static Element add(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    static Element add(Element parent, String name, String text) {
        Element e = add(parent, name);
        e.setTextContent(text);
        return e;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create an XML document", e);
        }
    }

    private static String serialise(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the SPAN file", e);
        }
    }
}
