package io.osprey.hss.xml;

/** Appends elements with escaped text to a buffer; the writer classes emit the schema's order with it. */
final class XmlOutput {

    private final StringBuilder out;

    XmlOutput(int capacity) {
        out = new StringBuilder(capacity);
    }

    XmlOutput raw(String text) {
        out.append(text);
        return this;
    }

    XmlOutput open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    XmlOutput close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    XmlOutput empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    XmlOutput element(String name, String text) {
        open(name);
        escape(text);
        return close(name);
    }

    XmlOutput element(String name, int value) {
        open(name);
        out.append(value);
        return close(name);
    }

    XmlOutput element(String name, boolean value) {
        return element(name, value ? 1 : 0);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                        throw new IllegalArgumentException("character U+" + String.format("%04X", (int) c)
                                + " cannot appear in XML 1.0 (element text \"" + text + "\")");
                    }
                    if (c == '\r') {
                        // A literal CR would be normalised to LF by every parser.
                        out.append("&#13;");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
