package io.osprey.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mutable header list behind {@link SipMessage.Builder}: insertions keep fields of one name together and
 * in order, and popping the first value of a comma list (RFC 3261 §7.3.1) rewrites only that field.
 */
final class HeaderListEditor {

    private final ArrayList<SipHeader> fields;

    HeaderListEditor(SipHeader[] initial) {
        fields = new ArrayList<>(initial.length + 4);
        fields.addAll(Arrays.asList(initial));
    }

    void addFirst(SipHeader field) {
        int i = indexOf(field, 0);
        fields.add(i < 0 ? 0 : i, field);
    }

    void addLast(SipHeader field) {
        int last = -1;
        for (int i = indexOf(field, 0); i >= 0; i = indexOf(field, i + 1)) {
            last = i;
        }
        fields.add(last < 0 ? fields.size() : last + 1, field);
    }

    void set(SipHeader field) {
        int i = indexOf(field, 0);
        if (i < 0) {
            fields.add(field);
            return;
        }
        fields.set(i, field);
        for (int j = indexOf(field, i + 1); j >= 0; j = indexOf(field, j)) {
            fields.remove(j);
        }
    }

    void removeAll(String name) {
        SipHeaderName known = SipHeaderName.lookup(name);
        fields.removeIf(h -> h.is(known, name));
    }

    void removeFirstValue(String name) {
        SipHeaderName known = SipHeaderName.lookup(name);
        for (int i = 0; i < fields.size(); i++) {
            SipHeader h = fields.get(i);
            if (h.is(known, name)) {
                List<String> values = h.values();
                if (values.size() <= 1) {
                    fields.remove(i);
                } else {
                    String rest = String.join(", ", values.subList(1, values.size()));
                    fields.set(i, SipHeader.of(h.name(), rest));
                }
                return;
            }
        }
    }

    private int indexOf(SipHeader like, int from) {
        for (int i = from; i < fields.size(); i++) {
            if (fields.get(i).is(like.known(), like.name())) {
                return i;
            }
        }
        return -1;
    }

    SipHeader[] toArray() {
        return fields.toArray(new SipHeader[0]);
    }
}
