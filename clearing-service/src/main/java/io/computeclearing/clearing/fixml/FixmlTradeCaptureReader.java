package io.computeclearing.clearing.fixml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the trade capture reports an exchange sends to the CCP as FIXML 5.0 SP2 with abbreviated names: a
 * {@code <FIXML>} root holding one {@code <TrdCaptRpt>} or one or more {@code <Batch>} elements of them. Elements
 * are accepted in the FIXML namespace ({@value #FIXML_NAMESPACE}) or in none.
 *
 * <p>A document that cannot be read at all fails with one {@link FixmlException}. Inside a readable document every
 * report comes back, in document order, with its own problems, so that one bad report does not hide the good ones
 * in the same batch. See the package documentation for the field mapping.
 *
 * <p>DTDs are refused outright: a FIXML message needs none, and a DOCTYPE is how XML external entity (XXE) and
 * entity expansion attacks get in. External entities and external DTD access are disabled as well, in case a
 * DOCTYPE ever got past the check. Stateless and safe to share between threads.
 */
public final class FixmlTradeCaptureReader {

    /** The FIXML 5.0 SP2 schema namespace. */
    public static final String FIXML_NAMESPACE = "http://www.fixprotocol.org/FIXML-5-0-SP2";

    /** The only FIXML version read, as written in the root's {@code v} attribute. */
    public static final String FIXML_VERSION = "5.0 SP2";

    private static final String TRADE_CAPTURE_REPORT = "TrdCaptRpt";

    /** Reads the reports in a FIXML document; the parser takes the encoding from the XML declaration. */
    public List<FixmlTradeReport> read(InputStream document) {
        Objects.requireNonNull(document, "document");
        try {
            return read(secureFactory().createXMLStreamReader(document));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** Reads the reports in a FIXML document given as text. */
    public List<FixmlTradeReport> read(String document) {
        Objects.requireNonNull(document, "document");
        Reader reader = new StringReader(document);
        try {
            return read(secureFactory().createXMLStreamReader(reader));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private static List<FixmlTradeReport> read(XMLStreamReader xml) throws XMLStreamException {
        try {
            moveToRoot(xml);
            checkRoot(xml);
            List<FixmlTradeReport> reports = new ArrayList<>();
            while (nextChild(xml)) {
                if (isFixml(xml, "Batch")) {
                    while (nextChild(xml)) {
                        if (isFixml(xml, "Hdr")) {
                            skipElement(xml);
                        } else {
                            reports.add(readReport(xml, reports.size() + 1));
                        }
                    }
                } else {
                    reports.add(readReport(xml, reports.size() + 1));
                }
            }
            // Read to the end so that anything malformed after the root still refuses the whole document.
            while (xml.hasNext()) {
                xml.next();
            }
            if (reports.isEmpty()) {
                throw new FixmlException("The FIXML document holds no TrdCaptRpt message.");
            }
            return reports;
        } finally {
            xml.close();
        }
    }

    private static void moveToRoot(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new FixmlException("Refused: the document declares a DOCTYPE. FIXML needs none, and DTDs and "
                        + "external entities are not accepted (XXE protection).");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new FixmlException("Not a FIXML document: it has no root element.");
    }

    private static void checkRoot(XMLStreamReader xml) {
        if (!"FIXML".equals(xml.getLocalName())) {
            throw new FixmlException("Not a FIXML document: the root element is <" + xml.getLocalName()
                    + ">, expected <FIXML>.");
        }
        if (!inFixmlNamespace(xml)) {
            throw new FixmlException("Not a FIXML 5.0 SP2 document: the root element is in namespace '"
                    + xml.getNamespaceURI() + "', expected '" + FIXML_NAMESPACE + "' or none.");
        }
        String version = xml.getAttributeValue(null, "v");
        if (version != null && !version.replace(" ", "").equalsIgnoreCase(FIXML_VERSION.replace(" ", ""))) {
            throw new FixmlException("Unsupported FIXML version '" + version + "': this reader takes FIXML "
                    + FIXML_VERSION + ".");
        }
    }

    private static FixmlTradeReport readReport(XMLStreamReader xml, int position) throws XMLStreamException {
        if (!isFixml(xml, TRADE_CAPTURE_REPORT)) {
            throw new FixmlException("FIXML message <" + xml.getLocalName() + "> at position " + position
                    + " is not a trade capture report: only TrdCaptRpt is accepted here.");
        }
        Map<String, String> attributes = attributes(xml);
        List<Map<String, String>> instruments = new ArrayList<>();
        List<TrdCaptRptElement.RptSide> sides = new ArrayList<>();
        while (nextChild(xml)) {
            if (isFixml(xml, "Instrmt")) {
                instruments.add(attributes(xml));
                skipElement(xml);
            } else if (isFixml(xml, "RptSide")) {
                sides.add(readSide(xml));
            } else {
                skipElement(xml); // Hdr, Amt, TrdRegTS, ...: not needed to clear the trade
            }
        }
        return TrdCaptRptMapping.map(position, new TrdCaptRptElement(attributes, instruments, sides));
    }

    private static TrdCaptRptElement.RptSide readSide(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> attributes = attributes(xml);
        List<TrdCaptRptElement.Party> parties = new ArrayList<>();
        while (nextChild(xml)) {
            if (isFixml(xml, "Pty")) {
                Map<String, String> party = attributes(xml);
                parties.add(new TrdCaptRptElement.Party(party.get("ID"), party.get("R")));
            }
            skipElement(xml); // a Pty's Sub elements, and whatever else a side carries
        }
        return new TrdCaptRptElement.RptSide(attributes, parties);
    }

    /** The current element's unqualified attributes, trimmed; blank values count as absent. */
    private static Map<String, String> attributes(XMLStreamReader xml) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            String value = xml.getAttributeValue(i).trim();
            if ((namespace == null || namespace.isEmpty()) && !value.isEmpty()) {
                attributes.put(xml.getAttributeLocalName(i), value);
            }
        }
        return attributes;
    }

    /** Moves to the next child element of the current element; false once the current element has ended. */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** From a start tag, moves to its matching end tag. */
    private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean isFixml(XMLStreamReader xml, String localName) {
        return localName.equals(xml.getLocalName()) && inFixmlNamespace(xml);
    }

    private static boolean inFixmlNamespace(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        return namespace == null || namespace.isEmpty() || FIXML_NAMESPACE.equals(namespace);
    }

    private static XMLInputFactory secureFactory() {
        // The JDK's own StAX parser, whatever else is on the class path, so that the properties below are honoured.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static FixmlException notWellFormed(XMLStreamException e) {
        String reason = e.getMessage();
        // The JDK parser prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the location is given separately.
        int at = reason == null ? -1 : reason.indexOf("Message: ");
        if (at >= 0) {
            reason = reason.substring(at + "Message: ".length());
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        return new FixmlException("Not well-formed XML" + where + ": " + reason, e);
    }
}
