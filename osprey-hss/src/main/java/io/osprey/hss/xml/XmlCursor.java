package io.osprey.hss.xml;

import io.osprey.hss.model.InvalidValueException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX stream element by element for the recursive-descent parsers, keeping the element path for
 * error messages and enforcing {@link XmlLimits}. Each parse method is entered on its element's start tag
 * and leaves after consuming the end tag, through {@link #nextChild()} returning false, {@link #text()} or
 * {@link #skip()}.
 */
final class XmlCursor {

    private final XMLStreamReader reader;
    private final XmlLimits limits;
    private final Deque<String> path = new ArrayDeque<>();
    private int elements;

    XmlCursor(XMLStreamReader reader, XmlLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** Moves to the root element, refusing a DTD, and returns its name. */
    String enterRoot() {
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    enter();
                    return reader.getLocalName();
                }
                case XMLStreamConstants.DTD -> throw error("a DTD is not allowed in a user profile document");
                case XMLStreamConstants.END_DOCUMENT -> throw error("the document has no root element");
                default -> {
                    // prolog comments, processing instructions and whitespace
                }
            }
        }
    }

    /** The local name of the current element. */
    String name() {
        return path.peekLast();
    }

    /** Whether the current element is in an XML namespace (allowed by the schema's xs:any ##other). */
    boolean namespaced() {
        String uri = reader.getNamespaceURI();
        return uri != null && !uri.isEmpty();
    }

    /**
     * Advances to the next child element of the current one and returns true, or consumes the current
     * element's end tag and returns false. Text other than whitespace between children is an error.
     */
    boolean nextChild() {
        while (true) {
            int event = next();
            switch (event) {
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
                        throw error("element " + name() + " must not hold text, found \""
                                + abbreviate(reader.getText()) + "\"");
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
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + reader.getTextLength() > limits.maxTextLength()) {
                        throw error("text is longer than the limit of " + limits.maxTextLength() + " characters");
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    path.removeLast();
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw error("element " + name() + " must hold text only, found <"
                                + reader.getLocalName() + ">");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("entity references are not allowed");
                default -> {
                    // comments and processing instructions inside text
                }
            }
        }
    }

    /** The current element's text, trimmed, as a schema int of 0 or more. */
    int nonNegativeInt() {
        String field = name();
        String value = text().trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw errorAt(field, "must be 0 or more, was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw errorAt(field, "must be an integer, was \"" + abbreviate(value) + "\"");
        }
    }

    /** The current element's text as a schema boolean: 0, 1, false or true. */
    boolean bool() {
        String field = name();
        String value = text().trim();
        return switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw errorAt(field, "must be 0, 1, false or true, was \"" + abbreviate(value) + "\"");
        };
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
                    throw error("elements nest deeper than the limit of " + limits.maxDepth());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error("entity references are not allowed");
            }
        }
        path.removeLast();
    }

    /** An error at the current element. */
    ImsSubscriptionXmlException error(String message) {
        return new ImsSubscriptionXmlException(pathText(), message);
    }

    /** An error for a value of a model field refused inside the current element. */
    ImsSubscriptionXmlException invalid(InvalidValueException e) {
        return new ImsSubscriptionXmlException(pathText(), e.getMessage(), e);
    }

    private ImsSubscriptionXmlException errorAt(String child, String message) {
        return new ImsSubscriptionXmlException(pathText() + "/" + child, message);
    }

    private void enter() {
        count();
        path.addLast(reader.getLocalName());
        if (path.size() > limits.maxDepth()) {
            throw error("elements nest deeper than the limit of " + limits.maxDepth());
        }
    }

    private void count() {
        if (++elements > limits.maxElements()) {
            throw error("the document has more than the limit of " + limits.maxElements() + " elements");
        }
    }

    private int next() {
        try {
            return reader.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw new ImsSubscriptionXmlException(pathText(), "not well-formed XML: " + e.getMessage(), e);
        }
    }

    private String pathText() {
        StringBuilder text = new StringBuilder();
        for (Iterator<String> it = path.iterator(); it.hasNext(); ) {
            text.append(it.next());
            if (it.hasNext()) {
                text.append('/');
            }
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
