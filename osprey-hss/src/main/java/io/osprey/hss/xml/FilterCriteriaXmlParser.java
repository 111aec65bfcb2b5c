package io.osprey.hss.xml;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.RegistrationType;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses tInitialFilterCriteria and its parts (TS 29.228 Annex E) in schema order. Absent optional values
 * take the schema defaults: ConditionNegated 0, DefaultHandling SESSION_CONTINUED.
 */
final class FilterCriteriaXmlParser {

    private static final ElementSequence IFC = ElementSequence.of(
            "Priority", "TriggerPoint?", "ApplicationServer", "ProfilePartIndicator?", "Extension?");
    private static final ElementSequence TRIGGER = ElementSequence.of("ConditionTypeCNF", "SPT+", "Extension?");
    private static final ElementSequence SPT = ElementSequence.of("ConditionNegated?", "Group+",
            "RequestURI|Method|SIPHeader|SessionCase|SessionDescription", "Extension?");
    private static final ElementSequence SPT_EXTENSION = ElementSequence.of("RegistrationType*", "Extension?");
    private static final ElementSequence HEADER = ElementSequence.of("Header", "Content?", "Extension?");
    private static final ElementSequence SDP = ElementSequence.of("Line", "Content?", "Extension?");
    private static final ElementSequence SERVER = ElementSequence.of(
            "ServerName", "DefaultHandling?", "ServiceInfo?", "Extension?");
    private static final ElementSequence SERVER_EXTENSION = ElementSequence.of(
            "IncludeRegisterRequest?", "IncludeRegisterResponse?", "Extension?");

    private FilterCriteriaXmlParser() {
    }

    /** Parses the InitialFilterCriteria element the cursor is on. */
    static InitialFilterCriteria parse(XmlCursor cursor) {
        ElementSequence.State order = IFC.start();
        int priority = 0;
        TriggerPoint trigger = null;
        ApplicationServer server = null;
        ProfilePartIndicator part = null;
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> priority = cursor.nonNegativeInt();
                case 1 -> trigger = trigger(cursor);
                case 2 -> server = server(cursor);
                case 3 -> part = code(cursor, c -> ProfilePartIndicator.fromCode("ProfilePartIndicator", c));
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "InitialFilterCriteria");
        try {
            return new InitialFilterCriteria(priority, Optional.ofNullable(trigger), server, Optional.ofNullable(part));
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static TriggerPoint trigger(XmlCursor cursor) {
        ElementSequence.State order = TRIGGER.start();
        boolean cnf = false;
        List<ServicePointTrigger> triggers = new ArrayList<>();
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> cnf = cursor.bool();
                case 1 -> triggers.add(spt(cursor));
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "TriggerPoint");
        try {
            return new TriggerPoint(cnf, triggers);
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static ServicePointTrigger spt(XmlCursor cursor) {
        ElementSequence.State order = SPT.start();
        boolean negated = false;
        List<Integer> groups = new ArrayList<>();
        SptCondition condition = null;
        Set<RegistrationType> registrationTypes = EnumSet.noneOf(RegistrationType.class);
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> negated = cursor.bool();
                case 1 -> groups.add(cursor.nonNegativeInt());
                case 2 -> condition = condition(cursor);
                case 3 -> registrationTypes.addAll(registrationTypes(cursor));
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "SPT");
        try {
            return new ServicePointTrigger(negated, groups, condition, registrationTypes);
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static SptCondition condition(XmlCursor cursor) {
        try {
            return switch (cursor.name()) {
                case "RequestURI" -> new SptCondition.RequestUri(cursor.text());
                case "Method" -> new SptCondition.Method(cursor.text().trim());
                case "SIPHeader" -> patternPair(cursor, HEADER, "SIPHeader", true);
                case "SessionCase" -> new SptCondition.InSessionCase(
                        code(cursor, c -> SessionCase.fromCode("SessionCase", c)));
                default -> patternPair(cursor, SDP, "SessionDescription", false);
            };
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static SptCondition patternPair(XmlCursor cursor, ElementSequence sequence, String parent,
                                            boolean header) {
        ElementSequence.State order = sequence.start();
        String first = null;
        String content = null;
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> first = cursor.text().trim();
                case 1 -> content = cursor.text();
                default -> cursor.skip();
            }
        }
        order.finish(cursor, parent);
        return header ? new SptCondition.SipHeader(first, Optional.ofNullable(content))
                : new SptCondition.SessionDescription(first, Optional.ofNullable(content));
    }

    private static Set<RegistrationType> registrationTypes(XmlCursor cursor) {
        ElementSequence.State order = SPT_EXTENSION.start();
        Set<RegistrationType> types = EnumSet.noneOf(RegistrationType.class);
        while (cursor.nextChild()) {
            if (order.accept(cursor) == 0) {
                types.add(code(cursor, c -> RegistrationType.fromCode("RegistrationType", c)));
            } else {
                cursor.skip();
            }
        }
        order.finish(cursor, "Extension");
        return types;
    }

    private static ApplicationServer server(XmlCursor cursor) {
        ElementSequence.State order = SERVER.start();
        String name = null;
        DefaultHandling handling = DefaultHandling.SESSION_CONTINUED;
        String info = null;
        boolean[] include = new boolean[2];
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> name = cursor.text().trim();
                case 1 -> handling = code(cursor, c -> DefaultHandling.fromCode("DefaultHandling", c));
                case 2 -> info = cursor.text();
                case 3 -> serverExtension(cursor, include);
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "ApplicationServer");
        try {
            return new ApplicationServer(name, handling, Optional.ofNullable(info), include[0], include[1]);
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static void serverExtension(XmlCursor cursor, boolean[] include) {
        ElementSequence.State order = SERVER_EXTENSION.start();
        while (cursor.nextChild()) {
            int slot = order.accept(cursor);
            if (slot == 0 || slot == 1) {
                include[slot] = true;
            }
            cursor.skip();
        }
        order.finish(cursor, "Extension");
    }

    /** Reads an enumerated code with {@code decode}, reporting a refused value at the current element. */
    static <T> T code(XmlCursor cursor, java.util.function.IntFunction<T> decode) {
        int value = cursor.nonNegativeInt();
        try {
            return decode.apply(value);
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }
}
