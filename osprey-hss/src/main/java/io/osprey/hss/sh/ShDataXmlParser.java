package io.osprey.hss.sh;

import io.osprey.hss.model.RepositoryData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the RepositoryData items of an Sh-Data document sent in a PUR (TS 29.328 Annex D). DOCTYPEs and
 * external entities are refused; the document, the item count and each field are bounded. Any other Sh-Data
 * part makes the document unacceptable for this HSS, which only lets an AS modify repository data.
 */
public final class ShDataXmlParser {

    public static final int MAX_DOCUMENT_OCTETS = 131_072;
    public static final int MAX_REPOSITORY_ITEMS = 16;

    private ShDataXmlParser() {
    }

    /** The items in document order; at least one. */
    public static List<RepositoryData> repositoryData(byte[] document) throws ShDataException {
        if (document.length > MAX_DOCUMENT_OCTETS) {
            throw new ShDataException("Sh-Data is " + document.length + " octets, limit " + MAX_DOCUMENT_OCTETS);
        }
        Element root = parse(document).getDocumentElement();
        if (!"Sh-Data".equals(root.getTagName())) {
            throw new ShDataException("root element is " + root.getTagName() + ", expected Sh-Data");
        }
        List<RepositoryData> items = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (!"RepositoryData".equals(element.getTagName())) {
                    throw new ShDataException("Sh-Data element " + element.getTagName() + " cannot be updated; "
                            + "only RepositoryData can");
                }
                if (items.size() == MAX_REPOSITORY_ITEMS) {
                    throw new ShDataException("more than " + MAX_REPOSITORY_ITEMS + " RepositoryData elements");
                }
                items.add(item(element));
            }
        }
        if (items.isEmpty()) {
            throw new ShDataException("Sh-Data holds no RepositoryData");
        }
        return items;
    }

    private static RepositoryData item(Element element) throws ShDataException {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        if (children.size() < 2 || children.size() > 3 || !"ServiceIndication".equals(children.get(0).getTagName())
                || !"SequenceNumber".equals(children.get(1).getTagName())
                || children.size() == 3 && !"ServiceData".equals(children.get(2).getTagName())) {
            throw new ShDataException("RepositoryData must hold ServiceIndication, SequenceNumber and an optional "
                    + "ServiceData in that order");
        }
        String serviceIndication = children.get(0).getTextContent().strip();
        String sequenceText = children.get(1).getTextContent().strip();
        int sequence;
        try {
            sequence = Integer.parseInt(sequenceText);
        } catch (NumberFormatException e) {
            throw new ShDataException("SequenceNumber \"" + sequenceText + "\" is not a number 0..65535");
        }
        Optional<String> serviceData = children.size() == 3 ? Optional.of(content(children.get(2))) : Optional.empty();
        try {
            return new RepositoryData(serviceIndication, sequence, serviceData);
        } catch (IllegalArgumentException e) {
            throw new ShDataException(e.getMessage());
        }
    }

    private static String content(Element serviceData) throws ShDataException {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node child = serviceData.getFirstChild(); child != null; child = child.getNextSibling()) {
                transformer.transform(new DOMSource(child), new StreamResult(out));
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new ShDataException("ServiceData cannot be serialised: " + e.getMessage());
        }
    }

    private static org.w3c.dom.Document parse(byte[] document) throws ShDataException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(document));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required feature", e);
        } catch (SAXException | IOException e) {
            throw new ShDataException("Sh-Data is not well-formed XML: " + e.getMessage());
        }
    }

    /** The document is not an acceptable Sh-Data update (DIAMETER_ERROR_USER_DATA_NOT_RECOGNIZED). */
    public static final class ShDataException extends Exception {

        public ShDataException(String message) {
            super(message);
        }
    }
}
