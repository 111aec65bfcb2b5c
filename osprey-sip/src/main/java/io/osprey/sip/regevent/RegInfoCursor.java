package io.osprey.sip.regevent;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX stream element by element for {@link RegInfoXmlParser}, keeping the element path for error
 * messages and enforcing the depth, element-count and text-length limits. A parse method is entered on its
 * element's start tag and leaves after the end tag, through {@link #nextChild()} returning false, {@link #text()}
 * or {@link #skip()}.
 */
final class RegInfoCursor {

    private final XMLStreamReader reader;
    private final RegInfoLimits limits;
    private final List<String> path = new ArrayList<>();
    private int elements;

    RegInfoCursor(XMLStreamReader reader, RegInfoLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** Moves to the root element, refusing a DTD. */
    void enterRoot() {
        while (true) {
            switch (next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    enter();
                    return;
                }
                case XMLStreamConstants.DTD -> throw error("a DTD is not allowed in a reginfo document");
                case XMLStreamConstants.END_DOCUMENT -> throw error("the document has no root element");
                default -> {
                    // prolog comments, processing instructions and whitespace
                }
            }
        }
    }

    /** Reads past the root's end tag to the end of the document, so that trailing garbage is refused. */
    void finishDocument() {
        while (true) {
            switch (next()) {
                case XMLStreamConstants.END_DOCUMENT -> {
                    return;
                }
                case XMLStreamConstants.START_ELEMENT -> throw error("content after the root element");
                case XMLStreamConstants.DTD -> throw error("a DTD is not allowed in a reginfo document");
                default -> {
                    // trailing comments, processing instructions and whitespace
                }
            }
        }
    }

    /** The local name of the current element. */
    String localName() {
        return reader.getLocalName();
    }

    /** Whether the current element is in the reginfo namespace. */
    boolean inReginfoNamespace() {
        return RegInfo.NAMESPACE.equals(reader.getNamespaceURI());
    }

    /** Replaces the current element's label in the path, e.g. with {@code contact[3]}. */
    void label(String label) {
        path.set(path.size() - 1, label);
    }

    /** The value of the unqualified attribute {@code name}, or null; attributes in any namespace are ignored. */
    String attribute(String name) {
        for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
            String ns = reader.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && name.equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Like {@link #attribute(String)}, but a missing attribute is an error. */
    String requiredAttribute(String name) {
        String value = attribute(name);
        if (value == null) {
            throw error("missing attribute " + name);
        }
        return value;
    }

    /**
     * Advances to the next child element of the current one and returns true, or consumes the current
     * element's end tag and returns false. Text other than whitespace between children is an error.
     */
    boolean nextChild() {
        while (true) {
            switch (next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    enter();
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    path.removeLast();
                    return false;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!reader.isWhiteSpace()) {
                        throw error("text is not allowed between elements");
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("entity references are not allowed");
                default -> {
                    // comments, processing instructions, ignorable whitespace
                }
            }
        }
    }

    /** The text of the current element, which must have no child elements; consumes its end tag. */
    String text() {
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + reader.getTextLength() > limits.maxTextLength()) {
                        throw limit("text too long", limits.maxTextLength());
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    path.removeLast();
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> throw error("must hold text only, found element <"
                        + reader.getLocalName() + ">");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("entity references are not allowed");
                default -> {
                    // comments and processing instructions inside text
                }
            }
        }
    }

    /** Skips the current element and everything inside it. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                count();
                depth++;
                if (path.size() + depth - 1 > limits.maxDepth()) {
                    throw limit("elements nest too deep", limits.maxDepth());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error("entity references are not allowed");
            }
        }
        path.removeLast();
    }

    /** A fault at the current element. */
    RegInfoParseException error(String problem) {
        return new RegInfoParseException(pathText(), problem);
    }

    /** A limit passed at the current element. */
    RegInfoParseException limit(String problem, long limit) {
        return new RegInfoParseException(pathText(), problem, limit, null);
    }

    private void enter() {
        count();
        path.add(reader.getLocalName());
        if (path.size() > limits.maxDepth()) {
            throw limit("elements nest too deep", limits.maxDepth());
        }
    }

    private void count() {
        if (++elements > limits.maxElements()) {
            throw limit("too many elements", limits.maxElements());
        }
    }

    private int next() {
        try {
            return reader.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw new RegInfoParseException(pathText(), "not well-formed XML: " + e.getMessage(), -1, e);
        }
    }

    /** The current element path, e.g. {@code reginfo/registration[1]/contact[2]}. */
    String pathText() {
        return String.join("/", path);
    }
}
