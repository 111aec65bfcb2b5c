package io.osprey.hss.xml;

import static org.assertj.core.api.Assertions.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * An independent check of a user profile document against the element order and cardinalities of the
 * TS 29.228 Annex E schema (CxDataType, Rel-8 element tree plus SessionCase 4 of later releases), written
 * from the specification's element tree with DOM. It shares no code with the parser.
 */
final class CxStructure {

    private static final int MANY = Integer.MAX_VALUE;

    private record Slot(List<String> names, int min, int max, String type) {
    }

    private static final Map<String, List<Slot>> TYPES = Map.ofEntries(
            Map.entry("IMSSubscription", List.of(slot("PrivateID", 1, 1, "text"),
                    slot("ServiceProfile", 1, MANY, "ServiceProfile"), slot("Extension", 0, 1, "any"))),
            Map.entry("ServiceProfile", List.of(slot("PublicIdentity", 1, MANY, "PublicIdentity"),
                    slot("CoreNetworkServicesAuthorization", 0, 1, "CNSA"),
                    slot("InitialFilterCriteria", 0, MANY, "IFC"), slot("Extension", 0, 1, "ProfileExtension"))),
            Map.entry("ProfileExtension", List.of(slot("SharedIFCSetID", 0, MANY, "0.." + MANY),
                    slot("Extension", 0, 1, "any"))),
            Map.entry("CNSA", List.of(slot("SubscribedMediaProfileId", 0, 1, "0.." + MANY),
                    slot("Extension", 0, 1, "any"))),
            Map.entry("PublicIdentity", List.of(slot("BarringIndication", 0, 1, "bool"), slot("Identity", 1, 1, "text"),
                    slot("Extension", 0, 1, "IdentityExtension"))),
            Map.entry("IdentityExtension", List.of(slot("IdentityType", 0, 1, "0..4"),
                    slot("WildcardedPSI", 0, 1, "text"), slot("Extension", 0, 1, "IdentityExtension2"))),
            Map.entry("IdentityExtension2", List.of(slot("DisplayName", 0, 1, "text"),
                    slot("AliasIdentityGroupID", 0, 1, "text"), slot("Extension", 0, 1, "any"))),
            Map.entry("IFC", List.of(slot("Priority", 1, 1, "0.." + MANY), slot("TriggerPoint", 0, 1, "Trigger"),
                    slot("ApplicationServer", 1, 1, "AS"), slot("ProfilePartIndicator", 0, 1, "0..1"),
                    slot("Extension", 0, 1, "any"))),
            Map.entry("Trigger", List.of(slot("ConditionTypeCNF", 1, 1, "bool"), slot("SPT", 1, MANY, "SPT"),
                    slot("Extension", 0, 1, "any"))),
            Map.entry("SPT", List.of(slot("ConditionNegated", 0, 1, "bool"), slot("Group", 1, MANY, "0.." + MANY),
                    new Slot(List.of("RequestURI", "Method", "SIPHeader", "SessionCase", "SessionDescription"), 1, 1,
                            "condition"),
                    slot("Extension", 0, 1, "SptExtension"))),
            Map.entry("SptExtension", List.of(slot("RegistrationType", 0, 2, "0..2"), slot("Extension", 0, 1, "any"))),
            Map.entry("SIPHeader", List.of(slot("Header", 1, 1, "text"), slot("Content", 0, 1, "text"),
                    slot("Extension", 0, 1, "any"))),
            Map.entry("SessionDescription", List.of(slot("Line", 1, 1, "text"), slot("Content", 0, 1, "text"),
                    slot("Extension", 0, 1, "any"))),
            Map.entry("AS", List.of(slot("ServerName", 1, 1, "text"), slot("DefaultHandling", 0, 1, "0..1"),
                    slot("ServiceInfo", 0, 1, "text"), slot("Extension", 0, 1, "ASExtension"))),
            Map.entry("ASExtension", List.of(slot("IncludeRegisterRequest", 0, 1, "any"),
                    slot("IncludeRegisterResponse", 0, 1, "any"), slot("Extension", 0, 1, "any"))));

    private CxStructure() {
    }

    /** Fails the test with the element path of the first deviation from the schema structure. */
    static void check(String xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
        if (!root.getTagName().equals("IMSSubscription") || root.getNamespaceURI() != null) {
            fail("root must be IMSSubscription without namespace, was " + root.getTagName());
        }
        checkElement(root, "IMSSubscription", "IMSSubscription");
    }

    private static void checkElement(Element element, String type, String path) {
        switch (type) {
            case "any" -> {
                return;
            }
            case "text" -> requireNoChildren(element, path);
            case "bool" -> {
                requireNoChildren(element, path);
                if (!List.of("0", "1", "true", "false").contains(element.getTextContent().trim())) {
                    fail(path + ": not a boolean: " + element.getTextContent());
                }
            }
            case "condition" -> checkElement(element, switch (element.getTagName()) {
                case "SIPHeader" -> "SIPHeader";
                case "SessionDescription" -> "SessionDescription";
                case "SessionCase" -> "0..4";
                default -> "text";
            }, path);
            default -> {
                if (type.contains("..")) {
                    checkRange(element, type, path);
                } else {
                    checkSequence(element, TYPES.get(type), path);
                }
            }
        }
    }

    private static void checkSequence(Element element, List<Slot> slots, String path) {
        List<Element> children = childElements(element);
        int next = 0;
        for (Slot slot : slots) {
            int count = 0;
            while (next < children.size() && slot.names.contains(children.get(next).getTagName()) && count < slot.max) {
                Element child = children.get(next++);
                checkElement(child, slot.type, path + "/" + child.getTagName());
                count++;
            }
            if (count < slot.min) {
                fail(path + ": expected " + String.join("|", slot.names) + " at child " + next + ", found "
                        + (next < children.size() ? children.get(next).getTagName() : "the end"));
            }
        }
        if (next < children.size()) {
            fail(path + ": unexpected or misplaced element " + children.get(next).getTagName());
        }
    }

    private static void checkRange(Element element, String range, String path) {
        requireNoChildren(element, path);
        long max = Long.parseLong(range.substring(range.indexOf("..") + 2));
        long value;
        try {
            value = Long.parseLong(element.getTextContent().trim());
        } catch (NumberFormatException e) {
            throw new AssertionError(path + ": not an integer: " + element.getTextContent());
        }
        if (value < 0 || value > max) {
            fail(path + ": " + value + " outside " + range);
        }
    }

    private static void requireNoChildren(Element element, String path) {
        if (!childElements(element).isEmpty()) {
            fail(path + ": must hold text only");
        }
    }

    private static List<Element> childElements(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static Slot slot(String name, int min, int max, String type) {
        return new Slot(List.of(name), min, max, type);
    }
}
