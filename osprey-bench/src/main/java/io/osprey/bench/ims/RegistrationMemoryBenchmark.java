package io.osprey.bench.ims;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.sip.Identities;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import io.osprey.hss.xml.ImsSubscriptionXmlParser;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Heap held by one S-CSCF's {@link RegistrationTable} per registered contact (issue 5 target: under 2 KB). Fills a
 * table with {@code registrations} registrations built the way the S-CSCF builds them: a REGISTER as it arrives
 * from the I-CSCF (three Vias, Path from the P-CSCF, AKA Authorization, a Contact with {@code +sip.instance} and an
 * ICSI feature tag) is decoded, its Contact, Path, Call-ID and CSeq become one {@link Binding}, and the SAA's user
 * data (an IMS subscription with one service profile holding the user's sip: and tel: identities and one iFC),
 * written by the HSS's writer, is parsed for each user into the implicit set (2 identities), the P-Associated-URIs
 * and the stored subscription. The table keys each registration under both identities, as the S-CSCF does.
 *
 * <p>Heap is measured after {@code System.gc()} (MemoryMXBean) and, exactly, as the difference of two class
 * histograms of live objects ({@code GC.class_histogram}), which also shows what dominates. A second pass stores
 * the registrations without the parsed subscription to show its share.
 *
 * <pre>
 * java -Xmx2g -cp osprey-bench/target/benchmarks.jar io.osprey.bench.ims.RegistrationMemoryBenchmark [registrations]
 * </pre>
 */
public final class RegistrationMemoryBenchmark {

    private static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    private static final int DEFAULT_REGISTRATIONS = 100_000;
    private static final int MAX_REGISTRATIONS = 5_000_000;
    private static final int TOP_CLASSES = 14;

    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final ImsSubscriptionXmlParser parser = new ImsSubscriptionXmlParser();
    private final ImsSubscriptionXmlWriter writer = new ImsSubscriptionXmlWriter();
    private final long now = System.currentTimeMillis();

    private RegistrationMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int registrations = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_REGISTRATIONS;
        if (registrations < 1 || registrations > MAX_REGISTRATIONS) {
            throw new IllegalArgumentException("registrations must be 1 to " + MAX_REGISTRATIONS);
        }
        System.out.printf(Locale.ROOT, "JDK %s, max heap %d MB, JVM flags: %s%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20,
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        RegistrationMemoryBenchmark bench = new RegistrationMemoryBenchmark();
        bench.sample();
        bench.measure(registrations, true);
        bench.measure(registrations, false);
    }

    /** Prints one registration so the reader can see what is stored. */
    private void sample() {
        Registration registration = registration(0, true);
        System.out.println("one registration as stored: " + registration.impi() + " " + registration.implicitSet()
                + " associated " + registration.associatedUris() + " binding " + registration.bindings().get(0)
                + " iFCs " + registration.subscription().serviceProfiles().get(0).filterCriteria().size());
    }

    private void measure(int count, boolean withSubscription) throws Exception {
        RegistrationTable table = new RegistrationTable();
        registration(1, withSubscription); // classes loaded and parser warmed before the baseline
        HeapMeter.Snapshot before = HeapMeter.snapshot();
        for (int n = 0; n < count; n++) {
            Registration registration = registration(n, withSubscription);
            table.update(registration.registeredImpu(), existing -> registration);
        }
        HeapMeter.Snapshot after = HeapMeter.snapshot();
        int contacts = table.contactCount();
        if (contacts != count || table.identities().size() != 2 * count) {
            throw new IllegalStateException("table holds " + contacts + " contacts and " + table.identities().size()
                    + " identities, expected " + count + " and " + 2 * count);
        }
        long heapBytes = after.heapUsed() - before.heapUsed();
        long histogramBytes = after.histogramBytes() - before.histogramBytes();
        System.out.printf(Locale.ROOT, "%n%s: %,d registrations, %,d contacts, %,d identities%n",
                withSubscription ? "with the parsed subscription (1 service profile, 2 identities, 1 iFC)"
                        : "subscription null (identities, P-Associated-URIs and binding only)",
                count, contacts, table.identities().size());
        System.out.printf(Locale.ROOT, "  heap used after GC: +%,d bytes = %,.0f bytes per contact%n", heapBytes,
                (double) heapBytes / contacts);
        System.out.printf(Locale.ROOT, "  live objects (class histogram): +%,d bytes = %,.0f bytes per contact%n",
                histogramBytes, (double) histogramBytes / contacts);
        System.out.println("  largest growth by class (bytes per contact, instances per contact):");
        for (HeapMeter.Growth growth : HeapMeter.growth(before, after, TOP_CLASSES)) {
            System.out.printf(Locale.ROOT, "    %8.0f  %6.1f  %s%n", (double) growth.bytes() / contacts,
                    (double) growth.instances() / contacts, growth.className());
        }
        if (table.find(identity(count - 1)).isEmpty()) { // keeps the table reachable until measured
            throw new IllegalStateException("last registration missing");
        }
    }

    /** Registration {@code n} as the S-CSCF stores it after the SAA. */
    private Registration registration(int n, boolean withSubscription) {
        SipRequest register = (SipRequest) decoder.decode(registerBytes(n));
        String impu = Identities.publicIdentity(register.to().uri());
        String impi = DigestCredentials.parse(register.headers("Authorization").get(0)).username();
        ImsSubscription subscription = parser.parse(userData(n));
        List<String> implicitSet = new ArrayList<>();
        List<String> associated = new ArrayList<>();
        implicitSet.add(impu);
        String registeredSpelling = impu;
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            for (PublicIdentity identity : profile.publicIdentities()) {
                String uri = identity.identity().uri();
                String canonical = Identities.publicIdentity(uri);
                if (canonical.equals(impu)) {
                    registeredSpelling = uri;
                } else if (!implicitSet.contains(canonical)) {
                    implicitSet.add(canonical);
                    associated.add(uri);
                }
            }
        }
        associated.add(0, registeredSpelling);
        NameAddress contact = register.contacts().get(0);
        List<String> path = new ArrayList<>();
        for (NameAddress hop : register.nameAddresses(SipHeaderName.PATH)) {
            path.add(hop.toString());
        }
        String instance = contact.param("+sip.instance");
        Binding binding = new Binding(contact.uri().toString(), path, now + 600_000L, 1.0f,
                instance == null ? null : instance.replace("\"", ""), contact.param("reg-id"),
                register.callId().value(), register.cseq().number());
        return new Registration(impi, impu, implicitSet, associated, List.of(binding),
                withSubscription ? subscription : null, null);
    }

    private static String user(int n) {
        return String.format(Locale.ROOT, "00101%010d", n);
    }

    private static String identity(int n) {
        return "sip:" + user(n) + "@" + DOMAIN;
    }

    private static String tel(int n) {
        return String.format(Locale.ROOT, "tel:+1555%07d", n);
    }

    /** The REGISTER with the AKA answer as the S-CSCF receives it through the P-CSCF and I-CSCF. */
    private static byte[] registerBytes(int n) {
        String user = user(n);
        int a = 10 + (n >> 16 & 0xff);
        int b = n >> 8 & 0xff;
        int c = n & 0xff;
        String ue = "10." + a + "." + b + "." + c;
        String text = "REGISTER sip:" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP icscf." + DOMAIN + ":4060;branch=z9hG4bK-i-" + Integer.toHexString(n * 7919) + "\r\n"
                + "Via: SIP/2.0/UDP pcscf." + DOMAIN + ":5060;branch=z9hG4bK-p-" + Integer.toHexString(n * 104729) + "\r\n"
                + "Via: SIP/2.0/UDP " + ue + ":5060;received=" + ue + ";rport=5060;branch=z9hG4bK-ue-" + n + "\r\n"
                + "Max-Forwards: 68\r\n"
                + "From: <sip:" + user + "@" + DOMAIN + ">;tag=ue" + Integer.toHexString(n * 31 + 7) + "\r\n"
                + "To: <sip:" + user + "@" + DOMAIN + ">\r\n"
                + "Call-ID: " + Integer.toHexString(n * 65_537 + 12_345) + "-a1b2c3d4e5f6@" + ue + "\r\n"
                + "CSeq: 2 REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + ue + ":5060>;expires=600;+sip.instance=\"<urn:gsma:imei:35209900-"
                + String.format(Locale.ROOT, "%06d", n % 1_000_000) + "-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"\r\n"
                + "Path: <sip:term@pcscf." + DOMAIN + ":5060;lr>\r\n"
                + "Authorization: Digest username=\"" + user + "@" + DOMAIN + "\", realm=\"" + DOMAIN + "\", nonce=\""
                + "G3ecMHjP28vXdZmdBIVxk0uo0tGQ8IAAepULDPZ//S8=\", uri=\"sip:" + DOMAIN + "\", response=\""
                + "6629fae49393a05397450978507c4ef1\", algorithm=AKAv1-MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001\r\n"
                + "P-Visited-Network-ID: " + DOMAIN + "\r\n"
                + "P-Charging-Vector: icid-value=pcscf-" + Integer.toHexString(n) + ";icid-generated-at=pcscf." + DOMAIN + "\r\n"
                + "Supported: path, gruu\r\n"
                + "Expires: 600\r\n"
                + "Content-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The User-Data XML of the SAA for user {@code n}, written by the HSS's own writer. */
    private String userData(int n) {
        ApplicationServer mmtel = ApplicationServer.of("sip:mmtel@as." + DOMAIN, DefaultHandling.SESSION_CONTINUED);
        InitialFilterCriteria originating = InitialFilterCriteria.of(10, TriggerPoint.cnf(
                ServicePointTrigger.of(0, new SptCondition.Method("INVITE")),
                ServicePointTrigger.of(1, new SptCondition.InSessionCase(SessionCase.ORIGINATING))), mmtel);
        ServiceProfile profile = new ServiceProfile(List.of(PublicIdentity.of(new Impu(identity(n))),
                PublicIdentity.of(new Impu(tel(n)))), Optional.empty(), List.of(originating), List.of());
        return writer.write(new ImsSubscription(new Impi(user(n) + "@" + DOMAIN), List.of(profile)));
    }
}
