package io.osprey.cscf.registrar;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.xml.ImsSubscriptionXmlParser;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The S-CSCF's registrations written to a file when it stops and read back when it starts, so a restart of
 * {@code osprey up} does not make every UE register again. One line per registration, fields separated by tabs,
 * each field base64 (URIs, Path values and the user data XML may hold any character). A shared store (Redis) for
 * several S-CSCF instances comes with the scale-out work; this keeps one instance's state across restarts.
 *
 * <pre>
 *   impi  impu  implicit-set  associated-uris  ccf  user-data-xml  binding;binding…
 *   binding = contact,expiresAt,q,instance,regId,callId,cseq,path|path…
 * </pre>
 */
public final class RegistrationSnapshot {

    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private RegistrationSnapshot() {
    }

    /** Writes {@code registrations} atomically (a temporary file moved over the old one). */
    public static void save(Collection<Registration> registrations, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "registrations", ".tmp");
        ImsSubscriptionXmlWriter writer = new ImsSubscriptionXmlWriter();
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (Registration registration : registrations) {
                out.write(String.join("\t", field(registration.impi()), field(registration.registeredImpu()),
                        list(registration.implicitSet(), ","), list(registration.associatedUris(), ","),
                        field(registration.ccf()),
                        field(registration.subscription() == null ? null
                                : writer.write(registration.subscription())),
                        bindings(registration.bindings())));
                out.newLine();
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The registrations in {@code file} with their bindings still valid at {@code nowMillis}; none if absent. */
    public static List<Registration> load(Path file, long nowMillis) throws IOException {
        List<Registration> registrations = new ArrayList<>();
        if (!Files.exists(file)) {
            return registrations;
        }
        ImsSubscriptionXmlParser parser = new ImsSubscriptionXmlParser();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] fields = line.split("\t", -1);
                if (fields.length != 7) {
                    throw new IOException(file + " line " + number + ": expected 7 fields, found " + fields.length);
                }
                String xml = text(fields[5]);
                ImsSubscription subscription = xml == null ? null : parser.parse(xml);
                Registration registration = new Registration(text(fields[0]), text(fields[1]), texts(fields[2], ","),
                        texts(fields[3], ","), parseBindings(fields[6]), subscription, text(fields[4]));
                List<Binding> live = registration.liveBindings(nowMillis);
                if (!live.isEmpty()) {
                    registrations.add(registration.withBindings(live));
                }
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

    private static String list(List<String> values, String separator) {
        List<String> encoded = new ArrayList<>(values.size());
        values.forEach(value -> encoded.add(field(value)));
        return String.join(separator, encoded);
    }

    private static List<String> texts(String field, String separator) {
        List<String> values = new ArrayList<>();
        if (field.isEmpty()) {
            return values;
        }
        for (String encoded : field.split(java.util.regex.Pattern.quote(separator))) {
            values.add(text(encoded));
        }
        return values;
    }

    /** A value as base64; "-" for null (base64 never yields "-"). */
    private static String field(String value) {
        return value == null ? "-" : ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String field) {
        return "-".equals(field) ? null : new String(DECODER.decode(field), StandardCharsets.UTF_8);
    }
}
