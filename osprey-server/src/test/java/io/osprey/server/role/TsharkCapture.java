package io.osprey.server.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live tshark capture of one TCP port on loopback ({@code tshark -i lo -f "tcp port P" -w file}) and the decoding
 * of the file afterwards as Diameter ({@code -d tcp.port==P,diameter -T json}) into one {@link Pdu} per Diameter
 * message, with the expert infos and malformed-packet marks of the frame that carried it. While capturing, tshark
 * also prints a summary line per packet ({@code -P -l}); packets reach the file with some delay, so a test waits for
 * the summary of its last packet ({@link #awaitSummaries}) before stopping the capture.
 */
final class TsharkCapture implements AutoCloseable {

    /** Prefix of the {@link Pdu#fields()} names inside a Failed-AVP: {@code Failed-AVP/diameter.Public-Identity}. */
    static final String FAILED_AVP_PREFIX = "Failed-AVP/";

    /** Wireshark's PI_WARN severity; PI_ERROR is above it, PI_NOTE and PI_CHAT below. */
    static final long SEVERITY_WARN = 0x0060_0000L;

    private final Path tshark;
    private final Path file;
    private final int port;
    private final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final List<String> summaries = new CopyOnWriteArrayList<>();

    private TsharkCapture(Path tshark, Path file, int port, Process process) {
        this.tshark = tshark;
        this.file = file;
        this.port = port;
        this.process = process;
    }

    /** Starts capturing and returns once tshark reports that it is capturing (at most 20 s). */
    static TsharkCapture start(Path tshark, Path file, int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(tshark.toString(), "-i", "lo", "-f", "tcp port " + port, "-w",
                file.toString(), "-P", "-l", "-d", "tcp.port==" + port + ",diameter").start();
        TsharkCapture capture = new TsharkCapture(tshark, file, port, process);
        Thread summaries = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    capture.summaries.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "tshark-stdout");
        summaries.setDaemon(true);
        summaries.start();
        CountDownLatch capturing = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    capture.stderr.append(line).append('\n');
                    if (line.startsWith("Capturing on")) {
                        capturing.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "tshark-stderr");
        reader.setDaemon(true);
        reader.start();
        if (!capturing.await(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tshark did not start capturing within 20 s: " + capture.stderr);
        }
        return capture;
    }

    /**
     * Waits up to {@code timeout} until tshark has printed at least {@code count} packet summaries containing
     * {@code fragment}, e.g. {@code "Disconnect-Peer Answer"}.
     */
    void awaitSummaries(String fragment, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (summaries.stream().filter(line -> line.contains(fragment)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tshark printed fewer than " + count + " packets with '" + fragment
                        + "' within " + timeout + "; last lines: "
                        + summaries.subList(Math.max(0, summaries.size() - 5), summaries.size()));
            }
            Thread.sleep(20);
        }
    }

    /** Stops the capture (SIGTERM, so tshark flushes the file) and decodes what it caught. */
    List<Pdu> stopAndDecode() throws IOException, InterruptedException {
        stop();
        Process decoder = new ProcessBuilder(tshark.toString(), "-r", file.toString(), "-d",
                "tcp.port==" + port + ",diameter", "-T", "json", "--no-duplicate-keys")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode frames = new ObjectMapper().readTree(decoder.getInputStream());
        if (!decoder.waitFor(60, TimeUnit.SECONDS) || decoder.exitValue() != 0) {
            decoder.destroyForcibly();
            throw new AssertionError("tshark could not read " + file);
        }
        List<Pdu> pdus = new ArrayList<>();
        for (JsonNode frame : frames) {
            JsonNode layers = frame.path("_source").path("layers");
            Fields frameFields = new Fields();
            frameFields.collect(layers);
            long number = Long.parseLong(layers.path("frame").path("frame.number").asText("0"));
            JsonNode diameter = layers.path("diameter");
            List<JsonNode> messages = new ArrayList<>();
            if (diameter.isArray()) {
                diameter.forEach(messages::add);
            } else if (diameter.isObject()) {
                messages.add(diameter);
            }
            for (JsonNode message : messages) {
                Fields fields = new Fields();
                fields.collect(message);
                pdus.add(new Pdu(number, fields.values, frameFields.expert(), frameFields.values.containsKey(
                        "_ws.malformed")));
            }
            if (messages.isEmpty() && (frameFields.values.containsKey("_ws.malformed") || !frameFields.expert()
                    .isEmpty())) {
                pdus.add(new Pdu(number, Map.of(), frameFields.expert(), frameFields.values.containsKey(
                        "_ws.malformed")));
            }
        }
        return pdus;
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

    /**
     * One expert info item: Wireshark severity (e.g. 0x00600000 warning), its message, and whether it was raised
     * inside a Failed-AVP (RFC 6733 §7.5).
     */
    record Expert(long severity, String message, boolean inFailedAvp) {

        boolean isWarningOrWorse() {
            return severity >= SEVERITY_WARN;
        }
    }

    /**
     * One decoded Diameter message: every field of its tree by name (in tree order, e.g. {@code diameter.cmd.code},
     * {@code diameter.Session-Id}), and the expert infos and malformed mark of its frame.
     */
    record Pdu(long frame, Map<String, List<String>> fields, List<Expert> expert, boolean malformed) {

        List<String> all(String field) {
            return fields.getOrDefault(field, List.of());
        }

        String first(String field) {
            List<String> values = all(field);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Whether Wireshark read a Diameter header here (not, e.g., a "Continuation" of garbage). */
        boolean decoded() {
            return first("diameter.cmd.code") != null;
        }

        boolean isRequest() {
            String flag = first("diameter.flags.request");
            return "1".equals(flag) || "True".equalsIgnoreCase(flag);
        }

        int commandCode() {
            return Integer.parseInt(first("diameter.cmd.code"));
        }

        String sessionId() {
            return first("diameter.Session-Id");
        }

        @Override
        public String toString() {
            return "frame " + frame + " " + (!decoded() ? "(no Diameter header)" : commandCode()
                    + (isRequest() ? " request" : " answer") + " session " + sessionId()) + " expert " + expert
                    + (malformed ? " MALFORMED" : "");
        }
    }

    /** Walks a JSON subtree collecting leaf values by key, and the expert infos with where they sit. */
    private static final class Fields {
        final Map<String, List<String>> values = new LinkedHashMap<>();
        private final List<Expert> expert = new ArrayList<>();

        void collect(JsonNode node) {
            collect(node, false);
        }

        private void collect(JsonNode node, boolean inFailedAvp) {
            if (!node.isObject()) {
                return;
            }
            if (node.has("_ws.expert.severity")) {
                expert.add(new Expert(node.path("_ws.expert.severity").asLong(),
                        node.path("_ws.expert.message").asText(""), inFailedAvp));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                add(entry.getKey(), entry.getValue(), inFailedAvp || entry.getKey().startsWith("diameter.Failed-AVP"));
            }
        }

        private void add(String key, JsonNode value, boolean inFailedAvp) {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    add(key, element, inFailedAvp);
                }
            } else if (value.isObject()) {
                values.computeIfAbsent(name(key, inFailedAvp), k -> new ArrayList<>());
                collect(value, inFailedAvp);
            } else {
                values.computeIfAbsent(name(key, inFailedAvp), k -> new ArrayList<>()).add(value.asText());
            }
        }

        List<Expert> expert() {
            return List.copyOf(expert);
        }

        /** Fields inside a Failed-AVP are kept apart, under {@value #FAILED_AVP_PREFIX} and their name. */
        private static String name(String key, boolean inFailedAvp) {
            return inFailedAvp && !key.startsWith("diameter.Failed-AVP") ? FAILED_AVP_PREFIX + key : key;
        }
    }

    /** The tshark console output so far, for failure messages. */
    String console() {
        return stderr.toString();
    }
}
