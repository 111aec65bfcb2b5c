package io.osprey.cscf.registrar;

import static io.osprey.cscf.registrar.SnapshotFiles.field;
import static io.osprey.cscf.registrar.SnapshotFiles.list;
import static io.osprey.cscf.registrar.SnapshotFiles.text;
import static io.osprey.cscf.registrar.SnapshotFiles.texts;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.xml.ImsSubscriptionXmlParser;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The S-CSCF's registrations written to a file when it stops and read back when it starts, so a restart of
 * {@code osprey up} does not make every UE register again. One line per registration ({@link SnapshotFiles}). A
 * shared store (Redis) for several S-CSCF instances comes with the scale-out work; this keeps one instance's state
 * across restarts.
 *
 * <pre>
 *   impi  impu  implicit-set  associated-uris  ccf  user-data-xml  binding;binding…
 *   binding = contact,expiresAt,q,instance,regId,callId,cseq,path|path…
 * </pre>
 */
public final class RegistrationSnapshot {

    private RegistrationSnapshot() {
    }

    /** Writes {@code registrations} atomically (a temporary file moved over the old one). */
    public static void save(Collection<Registration> registrations, Path file) throws IOException {
        ImsSubscriptionXmlWriter writer = new ImsSubscriptionXmlWriter();
        List<List<String>> records = new ArrayList<>(registrations.size());
        for (Registration registration : registrations) {
            records.add(List.of(field(registration.impi()), field(registration.registeredImpu()),
                    list(registration.implicitSet(), ","), list(registration.associatedUris(), ","),
                    field(registration.ccf()),
                    field(registration.subscription() == null ? null : writer.write(registration.subscription())),
                    bindings(registration.bindings())));
        }
        SnapshotFiles.write(file, records);
    }

    /** The registrations in {@code file} with their bindings still valid at {@code nowMillis}; none if absent. */
    public static List<Registration> load(Path file, long nowMillis) throws IOException {
        List<Registration> registrations = new ArrayList<>();
        ImsSubscriptionXmlParser parser = new ImsSubscriptionXmlParser();
        for (String[] fields : SnapshotFiles.read(file, 7)) {
            String xml = text(fields[5]);
            ImsSubscription subscription = xml == null ? null : parser.parse(xml);
            Registration registration = new Registration(text(fields[0]), text(fields[1]), texts(fields[2], ","),
                    texts(fields[3], ","), parseBindings(fields[6]), subscription, text(fields[4]));
            List<Binding> live = registration.liveBindings(nowMillis);
            if (!live.isEmpty()) {
                registrations.add(registration.withBindings(live));
            }
        }
        return registrations;
    }

    private static String bindings(List<Binding> bindings) {
        List<String> encoded = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            encoded.add(String.join(",", field(b.contactUri()), Long.toString(b.expiresAt()), Float.toString(b.q()),
                    field(b.instance()), field(b.regId()), field(b.callId()), Long.toString(b.cseq()),
                    list(b.path(), "|")));
        }
        return String.join(";", encoded);
    }

    private static List<Binding> parseBindings(String field) {
        List<Binding> bindings = new ArrayList<>();
        if (field.isEmpty()) {
            return bindings;
        }
        for (String encoded : field.split(";")) {
            String[] parts = encoded.split(",", -1);
            if (parts.length != 8) {
                throw new IllegalArgumentException("binding needs 8 parts, found " + parts.length);
            }
            bindings.add(new Binding(text(parts[0]), texts(parts[7], "|"), Long.parseLong(parts[1]),
                    Float.parseFloat(parts[2]), text(parts[3]), text(parts[4]), text(parts[5]),
                    Long.parseLong(parts[6])));
        }
        return bindings;
    }
}
