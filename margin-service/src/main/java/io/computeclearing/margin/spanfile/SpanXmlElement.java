package io.computeclearing.margin.spanfile;

import io.computeclearing.platform.bounds.BoundedJson;
import io.computeclearing.platform.bounds.DecimalValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An element of a SPAN file being read, with its path from the root for error messages. Values are read strictly:
 * a missing required element or a value that is not a number is a 400 naming the element.
 * <p>
 * Parsing refuses any DOCTYPE (a SPAN file needs none, and a DTD is how XML external entity and entity expansion
 * attacks get in) and disables external entities, external DTD and schema access and XInclude as well.
 */
final class SpanXmlElement {

    private final Element element;
    private final String path;

    private SpanXmlElement(Element element, String path) {
        this.element = element;
        this.path = path;
    }

    /** The root element of a document, which must be {@code <rootName>}. */
    static SpanXmlElement parse(String document, String rootName) {
        if (document == null || document.isBlank()) {
            throw SpanFileProblems.malformed(rootName, "the request body is empty; send the SPAN XML file");
        }
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new InputSource(new StringReader(document))).getDocumentElement();
            if (!rootName.equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
                throw SpanFileProblems.malformed(root.getTagName(),
                        "the root element is <" + root.getTagName() + ">, a SPAN file starts with <" + rootName + ">");
            }
            return new SpanXmlElement(root, rootName);
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw SpanFileProblems.malformed(rootName, "the document declares a DOCTYPE; SPAN files need none and "
                        + "DTDs and external entities are refused (XXE protection)");
            }
            throw SpanFileProblems.malformed(rootName, "not well-formed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw SpanFileProblems.malformed(rootName, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    String path() {
        return path;
    }

    /** The child elements with this name, each with its path ({@code name[n]} when there are several). */
    List<SpanXmlElement> children(String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                found.add(e);
            }
        }
        List<SpanXmlElement> result = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            String step = found.size() == 1 ? name : name + "[" + (i + 1) + "]";
            result.add(new SpanXmlElement(found.get(i), path + "/" + step));
        }
        return result;
    }

    /** The child with this name, which must be there exactly once. */
    SpanXmlElement child(String name) {
        List<SpanXmlElement> found = children(name);
        if (found.isEmpty()) {
            throw SpanFileProblems.malformed(path + "/" + name, "required element is missing");
        }
        if (found.size() > 1) {
            throw SpanFileProblems.malformed(path + "/" + name, "appears " + found.size() + " times, expected once");
        }
        return found.getFirst();
    }

    Optional<SpanXmlElement> optionalChild(String name) {
        List<SpanXmlElement> found = children(name);
        return found.isEmpty() ? Optional.empty() : Optional.of(child(name));
    }

    /** This element with a readable label instead of its position, e.g. {@code ccDef[GH100]}. */
    SpanXmlElement labelled(String label) {
        int slash = path.lastIndexOf('/');
        String step = path.substring(slash + 1);
        int bracket = step.indexOf('[');
        String name = bracket < 0 ? step : step.substring(0, bracket);
        return new SpanXmlElement(element, path.substring(0, slash + 1) + name + "[" + label + "]");
    }

    /** The trimmed text of the child, which must not be blank. */
    String text(String name) {
        SpanXmlElement child = child(name);
        String text = child.element.getTextContent().trim();
        if (text.isEmpty()) {
            throw SpanFileProblems.malformed(child.path, "must not be empty");
        }
        return text;
    }

    /** The child's value as a decimal number. */
    BigDecimal decimal(String name) {
        return bounded(path + "/" + name, text(name));
    }

    /** The child's value as a whole number. */
    int integer(String name) {
        String text = text(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw SpanFileProblems.malformed(path + "/" + name, "'" + text + "' is not a whole number");
        }
    }

    /** This element's own values, one per child with this name (e.g. the 16 {@code a} of a risk array). */
    List<BigDecimal> decimals(String name) {
        List<BigDecimal> values = new ArrayList<>();
        for (SpanXmlElement child : children(name)) {
            values.add(bounded(child.path, child.element.getTextContent().trim()));
        }
        return values;
    }

    /**
     * A decimal within the digits a JSON body may carry ({@link BoundedJson#DIGITS} either side of the point): a
     * price of {@code 1e999999999} would otherwise reach the risk arrays' arithmetic and the messages that print it.
     */
    private static BigDecimal bounded(String element, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw SpanFileProblems.malformed(element, "'" + abbreviated(text) + "' is not a decimal number");
        }
        if (!DecimalValidator.fits(value, BoundedJson.DIGITS, BoundedJson.DIGITS)) {
            throw SpanFileProblems.malformed(element, "'" + abbreviated(text) + "' has more than "
                    + BoundedJson.DIGITS + " digits before or after the decimal point");
        }
        return value;
    }

    private static String abbreviated(String text) {
        return text.length() > 50 ? text.substring(0, 50) + "..." : text;
    }
}
