package io.osprey.hss.xml;

import java.util.Arrays;

/**
 * The child order of one schema complex type (an xs:sequence), written as slots: {@code "Name"} exactly once,
 * {@code "Name?"} at most once, {@code "Name*"} any number, {@code "Name+"} at least once, and
 * {@code "A|B|C"} for an xs:choice of exactly one. A {@link State} checks one element's children against it.
 */
final class ElementSequence {

    private final String[][] names;
    private final int[] min;
    private final int[] max;

    private ElementSequence(String[][] names, int[] min, int[] max) {
        this.names = names;
        this.min = min;
        this.max = max;
    }

    static ElementSequence of(String... slots) {
        String[][] names = new String[slots.length][];
        int[] min = new int[slots.length];
        int[] max = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            String slot = slots[i];
            char last = slot.charAt(slot.length() - 1);
            boolean marked = last == '?' || last == '*' || last == '+';
            min[i] = last == '?' || last == '*' ? 0 : 1;
            max[i] = last == '*' || last == '+' ? Integer.MAX_VALUE : 1;
            names[i] = (marked ? slot.substring(0, slot.length() - 1) : slot).split("\\|");
        }
        return new ElementSequence(names, min, max);
    }

    State start() {
        return new State();
    }

    /** Progress through one element's children. */
    final class State {

        private final int[] counts = new int[names.length];
        private int position;

        /**
         * The slot of the cursor's current element, or −1 for an element in another namespace (to skip).
         *
         * @throws ImsSubscriptionXmlException for an unknown element, one out of order or one too many
         */
        int accept(XmlCursor cursor) {
            if (cursor.namespaced()) {
                return -1;
            }
            String name = cursor.name();
            int slot = slotOf(name);
            if (slot < 0) {
                throw cursor.error("unexpected element; allowed here: " + allowed());
            }
            if (slot < position) {
                throw cursor.error("out of order: " + name + " must come before " + first(position));
            }
            for (int i = position; i < slot; i++) {
                if (counts[i] < min[i]) {
                    throw cursor.error("out of order: " + first(i) + " is required before " + name);
                }
            }
            if (++counts[slot] > max[slot]) {
                throw cursor.error(name + " may appear only once here");
            }
            position = slot;
            return slot;
        }

        /** Checks that every required child was present, once the parent's end tag has been read. */
        void finish(XmlCursor cursor, String parent) {
            for (int i = 0; i < names.length; i++) {
                if (counts[i] < min[i]) {
                    throw cursor.error(parent + " is missing required element " + String.join(" or ", names[i]));
                }
            }
        }

        private String allowed() {
            StringBuilder text = new StringBuilder();
            for (String[] slot : names) {
                text.append(text.isEmpty() ? "" : ", ").append(String.join("|", slot));
            }
            return text.toString();
        }

        private String first(int slot) {
            return String.join(" or ", names[slot]);
        }

        private int slotOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (Arrays.asList(names[i]).contains(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
