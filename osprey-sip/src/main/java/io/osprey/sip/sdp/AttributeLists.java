package io.osprey.sip.sdp;

import java.util.ArrayList;
import java.util.List;

/** Lookups over an attribute list, shared by the session and media levels. */
final class AttributeLists {

    private AttributeLists() {
    }

    static Attribute first(List<Attribute> attributes, String name) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    static List<Attribute> all(List<Attribute> attributes, String name) {
        List<Attribute> found = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                found.add(attribute);
            }
        }
        return List.copyOf(found);
    }

    /** The first direction property attribute, or null. */
    static Direction direction(List<Attribute> attributes) {
        for (Attribute attribute : attributes) {
            Direction direction = Direction.fromAttributeName(attribute.name());
            if (direction != null && attribute.isProperty()) {
                return direction;
            }
        }
        return null;
    }
}
