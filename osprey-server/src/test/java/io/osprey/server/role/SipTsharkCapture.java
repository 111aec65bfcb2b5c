package io.osprey.server.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live tshark capture of SIP on loopback: the UDP and TCP traffic of a set of ports
 * ({@code tshark -i lo -f "port A or port B…" -w file}), decoded afterwards with Wireshark's SIP dissector on each of
 * those ports ({@code -d udp.port==A,sip -d tcp.port==A,sip … -T json}) into one {@link SipPdu} per SIP message, with
 * the expert infos and malformed-packet marks of the frame that carried it.
 *
 * <p>Packets reach the file with some delay; {@link #flush} sends one datagram to a marker port that is part of the
 * capture filter (but of no SIP port) and waits for tshark's summary line of it, so every packet sent before it is
 * in the file when the capture stops. The marker frame is left out of the decoding.
 */
final class SipTsharkCapture implements AutoCloseable {

    /** Wireshark's PI_WARN severity; PI_ERROR is above it, PI_NOTE and PI_CHAT below. */
    static final long SEVERITY_WARN = 0x0060_0000L;

    private final Path tshark;
    private final Path file;
    private final Set<Integer> ports;
    private final int markerPort;
    private final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final List<String> summaries = new CopyOnWriteArrayList<>();
    private int markers;

    private SipTsharkCapture(Path tshark, Path file, Set<Integer> ports, int markerPort, Process process) {
        this.tshark = tshark;
        this.file = file;
        this.ports = ports;
        this.markerPort = markerPort;
        this.process = process;
    }

    /**
     * Starts capturing the SIP {@code ports} and returns once tshark has written a first marker packet, so that the
     * capture is live (at most 40 s).
     */
    static SipTsharkCapture start(Path tshark, Path file, Collection<Integer> ports) throws IOException,
            InterruptedException {
        Set<Integer> sipPorts = Set.copyOf(new TreeSet<>(ports));
        int markerPort = FreePorts.udpAndTcp();
        StringBuilder filter = new StringBuilder("port ").append(markerPort);
        for (int port : sipPorts) {
            filter.append(" or port ").append(port);
        }
        Process process = new ProcessBuilder(tshark.toString(), "-i", "lo", "-f", filter.toString(), "-w",
                file.toString(), "-P", "-l").start();
        SipTsharkCapture capture = new SipTsharkCapture(tshark, file, sipPorts, markerPort, process);
        CountDownLatch capturing = new CountDownLatch(1);
        daemon("tshark-stdout", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    capture.summaries.add(line);
                }
            }
        });
        daemon("tshark-stderr", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    capture.stderr.append(line).append('\n');
                    if (line.startsWith("Capturing on")) {
                        capturing.countDown();
                    }
                }
            }
        });
        if (!capturing.await(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark did not start capturing within 20 s: " + capture.stderr);
        }
        try {
            capture.flush(Duration.ofSeconds(20));
        } catch (AssertionError | IOException e) {
            process.destroyForcibly();
            throw e;
        }
        return capture;
    }

    private interface IoRunnable {
        void run() throws IOException;
    }

    private static void daemon(String name, IoRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (IOException ended) {
                // the process ended
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Sends a marker datagram and waits (at most {@code timeout}) until tshark has printed it, so that everything
     * sent before it is in the file. The marker is sent again every 250 ms: right after tshark says it is capturing,
     * the kernel filter may not be in place yet and a packet can be missed.
     */
    void flush(Duration timeout) throws IOException, InterruptedException {
        // each flush's marker has its own length, so tshark's summary line of it ("… → port Len=n") is unique
        String text = "osprey capture marker " + "#".repeat(++markers);
        byte[] marker = text.getBytes(StandardCharsets.US_ASCII);
        String fragment = " " + markerPort + " Len=" + marker.length;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int sent = 0; summaries.stream().noneMatch(line -> line.contains(fragment)); sent++) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("tshark did not print the marker packet within " + timeout
                            + "; last lines: " + summaries.subList(Math.max(0, summaries.size() - 5),
                            summaries.size()) + "\n" + stderr);
                }
                if (sent % 12 == 0) {
                    socket.send(new DatagramPacket(marker, marker.length, InetAddress.getLoopbackAddress(),
                            markerPort));
                }
                Thread.sleep(20);
            }
        }
    }

    /** Stops the capture (SIGTERM, so tshark flushes the file) and decodes the SIP messages it caught. */
    Decoded stopAndDecode() throws IOException, InterruptedException {
        stop();
        List<String> command = new ArrayList<>(List.of(tshark.toString(), "-r", file.toString()));
        for (int port : ports) {
            command.addAll(List.of("-d", "udp.port==" + port + ",sip", "-d", "tcp.port==" + port + ",sip"));
        }
        command.addAll(List.of("-T", "json", "--no-duplicate-keys"));
        Process decoder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode frames = new ObjectMapper().readTree(decoder.getInputStream());
        if (!decoder.waitFor(60, TimeUnit.SECONDS) || decoder.exitValue() != 0) {
            decoder.destroyForcibly();
            throw new AssertionError("tshark could not read " + file);
        }
        List<SipPdu> messages = new ArrayList<>();
        List<Frame> others = new ArrayList<>();
        for (JsonNode frame : frames) {
            JsonNode layers = frame.path("_source").path("layers");
            Fields frameFields = new Fields();
            frameFields.collect(layers);
            long number = Long.parseLong(frameFields.first("frame.number", "0"));
            String transport = layers.has("tcp") ? "tcp" : layers.has("udp") ? "udp" : "other";
            int src = Integer.parseInt(frameFields.first(transport + ".srcport", "0"));
            int dst = Integer.parseInt(frameFields.first(transport + ".dstport", "0"));
            if (dst == markerPort) {
                continue;
            }
            Frame carrier = new Frame(number, transport, src, dst, frameFields.expert,
                    frameFields.values.containsKey("_ws.malformed"));
            JsonNode sip = layers.path("sip");
            List<JsonNode> sipMessages = new ArrayList<>();
            if (sip.isArray()) {
                sip.forEach(sipMessages::add);
            } else if (sip.isObject()) {
                sipMessages.add(sip);
            }
            for (JsonNode message : sipMessages) {
                Fields fields = new Fields();
                fields.collect(message);
                messages.add(new SipPdu(carrier, fields.values));
            }
            if (sipMessages.isEmpty()) {
                others.add(carrier);
            }
        }
        return new Decoded(messages, others);
    }

    private void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tshark did not stop within 20 s");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    Path file() {
        return file;
    }

    /** The tshark console output so far, for failure messages. */
    String console() {
        return stderr.toString();
    }

    /** What the capture held: the SIP messages, and the frames without SIP (TCP handshakes, acks…). */
    record Decoded(List<SipPdu> messages, List<Frame> otherFrames) {
    }

    /** One expert info item: Wireshark severity (e.g. 0x00600000 warning), group and message. */
    record Expert(long severity, String group, String message) {

        boolean isWarningOrWorse() {
            return severity >= SEVERITY_WARN;
        }
    }

    /** One captured frame: number, {@code udp} or {@code tcp}, ports, its expert infos and malformed mark. */
    record Frame(long number, String transport, int srcPort, int dstPort, List<Expert> expert, boolean malformed) {
    }

    /**
     * One decoded SIP message: every field of its tree by name in tree order (e.g. {@code sip.Method},
     * {@code sip.Call-ID}, {@code sip.Via.sent-by.port}, the top Via first), and the frame that carried it.
     */
    record SipPdu(Frame frame, Map<String, List<String>> fields) {

        List<String> all(String field) {
            return fields.getOrDefault(field, List.of());
        }

        String first(String field) {
            List<String> values = all(field);
            return values.isEmpty() ? null : values.get(0);
        }

        boolean isRequest() {
            return first("sip.Method") != null && first("sip.Request-Line") != null;
        }

        String method() {
            return first("sip.Method");
        }

        /** The status code of a response; 0 for a request. */
        int status() {
            String code = first("sip.Status-Code");
            return code == null ? 0 : Integer.parseInt(code);
        }

        /** The method named in CSeq. */
        String cseqMethod() {
            return first("sip.CSeq.method");
        }

        String callId() {
            return first("sip.Call-ID");
        }

        /** The sent-by port of the topmost Via: who sent a request. */
        int topViaPort() {
            String port = first("sip.Via.sent-by.port");
            return port == null ? 0 : Integer.parseInt(port);
        }

        @Override
        public String toString() {
            return "frame " + frame.number() + " " + frame.transport() + " " + frame.srcPort() + "->"
                    + frame.dstPort() + " " + (isRequest() ? method() : status() + " (" + cseqMethod() + ")")
                    + " call-id " + callId() + " expert " + frame.expert() + (frame.malformed() ? " MALFORMED" : "");
        }
    }

    /** Walks a JSON subtree collecting leaf values by key, and the expert infos in it. */
    private static final class Fields {
        final Map<String, List<String>> values = new LinkedHashMap<>();
        final List<Expert> expert = new ArrayList<>();

        String first(String key, String fallback) {
            List<String> found = values.get(key);
            return found == null || found.isEmpty() ? fallback : found.get(0);
        }

        void collect(JsonNode node) {
            if (!node.isObject()) {
                return;
            }
            if (node.has("_ws.expert.severity")) {
                expert.add(new Expert(node.path("_ws.expert.severity").asLong(),
                        node.path("_ws.expert.group").asText(""), node.path("_ws.expert.message").asText("")));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                add(entry.getKey(), entry.getValue());
            }
        }

        private void add(String key, JsonNode value) {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    add(key, element);
                }
            } else if (value.isObject()) {
                values.computeIfAbsent(key, k -> new ArrayList<>());
                collect(value);
            } else {
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value.asText());
            }
        }
    }
}
