package io.osprey.server.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The real baresip softphone (Debian {@code baresip-core}, 1.0) run headless as a child process: a generated
 * configuration directory (SIP on a loopback UDP port, a sine tone as microphone, no sound card), accounts added
 * at run time, and control over its {@code ctrl_tcp} module: commands and events are JSON objects framed as netstrings
 * ({@code 17:{"command":"..."},}). Events ({@code REGISTER_OK}, {@code CALL_ESTABLISHED}, {@code CALL_CLOSED}…) are
 * queued for the test; the process's console output (with a SIP trace, {@code -s}) goes to a log file.
 */
final class Baresip implements AutoCloseable {

    /** Largest netstring accepted from the control socket. */
    private static final int MAX_FRAME = 256 * 1024;
    private static final Path STDBUF = Path.of("/usr/bin/stdbuf");

    private final Process process;
    private final int sipPort;
    private final Path log;
    private final Socket control;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    private Baresip(Process process, int sipPort, Path log, Socket control) {
        this.process = process;
        this.sipPort = sipPort;
        this.log = log;
        this.control = control;
    }

    /**
     * Writes {@code configDir} ({@code config}, an empty {@code accounts}), starts baresip on it and connects to its
     * control socket (at most 15 s). Accounts are added afterwards with {@link #addAccount}, so that no event is
     * sent before the test listens.
     */
    static Baresip start(Path binary, Path configDir) throws IOException, InterruptedException {
        Files.createDirectories(configDir);
        int sipPort = FreePorts.udpAndTcp();
        int controlPort = FreePorts.udpAndTcp();
        int rtpBase = FreePorts.udpAndTcp() & ~1;
        Files.writeString(configDir.resolve("config"), """
                poll_method		epoll
                sip_listen		127.0.0.1:%d
                net_interface		127.0.0.1
                call_local_timeout	30
                call_max_calls		2
                audio_player		aubridge,osprey
                audio_alert		aubridge,osprey
                audio_source		ausine,440
                ausrc_srate		48000
                ausrc_channels		2
                audio_level		no
                rtp_ports		%d-%d
                rtcp_mux		no
                jitter_buffer_delay	5-10
                module_path		/usr/lib/baresip/modules
                module			g711.so
                module			ausine.so
                module			aubridge.so
                module_tmp		uuid.so
                module_tmp		account.so
                module_app		menu.so
                module_app		ctrl_tcp.so
                ctrl_tcp_listen		127.0.0.1:%d
                """.formatted(sipPort, rtpBase, rtpBase + 9, controlPort), StandardCharsets.US_ASCII);
        Files.writeString(configDir.resolve("accounts"), "", StandardCharsets.US_ASCII);
        Files.writeString(configDir.resolve("contacts"), "", StandardCharsets.US_ASCII);
        Path log = configDir.resolve("baresip.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(STDBUF)) {
            // baresip prints with stdio, fully buffered into a file: line buffering keeps the log current
            command.addAll(List.of(STDBUF.toString(), "-oL", "-eL"));
        }
        command.addAll(List.of(binary.toString(), "-f", configDir.toString(), "-s", "-4"));
        Process process = new ProcessBuilder(command)
                .directory(configDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        Socket control = connect(process, controlPort, log);
        Baresip baresip = new Baresip(process, sipPort, log, control);
        Thread reader = new Thread(baresip::readControl, "baresip-ctrl");
        reader.setDaemon(true);
        reader.start();
        return baresip;
    }

    private static Socket connect(Process process, int port, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("baresip exited with " + process.exitValue() + ":\n" + read(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("baresip's ctrl_tcp did not listen on " + port + " within 15 s:\n"
                        + read(log));
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                if (socket.getLocalPort() != port) {
                    return socket;
                }
                // TCP simultaneous open of a socket with itself: baresip is not listening yet
                socket.close();
            } catch (ConnectException notYet) {
                socket.close();
            }
            Thread.sleep(50);
        }
    }

    /**
     * Adds a user agent from one accounts-file line ({@code uanew}), e.g.
     * {@code <sip:pat@ims.test>;auth_user=...;auth_pass=...;outbound="sip:127.0.0.1:5060;transport=udp"}; it
     * registers at once when the line has a {@code regint}.
     */
    void addAccount(String account) throws IOException, InterruptedException {
        JsonNode response = command("uanew", account);
        if (!response.path("ok").asBoolean()) {
            throw new AssertionError("baresip refused account " + account + ": " + response + "\n" + diagnostics());
        }
    }

    /**
     * Sends a command (a menu command's long name, e.g. {@code dial}, {@code hangup}, {@code reginfo}) and returns
     * baresip's response object ({@code response}, {@code ok}, {@code data}), waiting at most 10 s.
     */
    JsonNode command(String command, String params) throws IOException, InterruptedException {
        String token = send(command, params);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode response = responses.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (response == null) {
                throw new AssertionError("baresip did not answer '" + command + "' within 10 s\n" + diagnostics());
            }
            if (token.equals(response.path("token").asText())) {
                return response;
            }
        }
    }

    /** Sends a command without waiting for its response; returns its token. */
    private String send(String command, String params) throws IOException {
        String token = "t" + tokens.incrementAndGet();
        ObjectNode request = json.createObjectNode().put("command", command).put("token", token);
        if (params != null) {
            request.put("params", params);
        }
        byte[] body = json.writeValueAsBytes(request);
        OutputStream out = control.getOutputStream();
        synchronized (out) {
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
        }
        return token;
    }

    /**
     * Waits up to {@code timeout} for the next event of {@code type} (e.g. {@code REGISTER_OK}) matching
     * {@code filter}, dropping other events; fails with the console log when none came.
     */
    JsonNode awaitEvent(String type, Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no baresip event " + type + " within " + timeout + "\n" + diagnostics());
            }
            if (type.equals(event.path("type").asText()) && filter.test(event)) {
                return event;
            }
        }
    }

    JsonNode awaitEvent(String type, Duration timeout) throws InterruptedException {
        return awaitEvent(type, event -> true, timeout);
    }

    /** The loopback UDP port baresip listens on for SIP. */
    int sipPort() {
        return sipPort;
    }

    /** Every event received so far, in order. */
    List<JsonNode> events() {
        return List.copyOf(seen);
    }

    /** baresip's console output so far (with the SIP trace). */
    String output() {
        return read(log);
    }

    String diagnostics() {
        return "events: " + seen + "\nbaresip output:\n" + output();
    }

    private void readControl() {
        try (InputStream in = control.getInputStream()) {
            while (true) {
                byte[] frame = readNetstring(in);
                if (frame == null) {
                    return;
                }
                JsonNode message = json.readTree(frame);
                if (message.path("event").asBoolean(false)) {
                    seen.add(message);
                    events.add(message);
                } else if (message.path("response").asBoolean(false)) {
                    responses.add(message);
                }
            }
        } catch (IOException ended) {
            // the socket closed with the process
        }
    }

    /** One netstring ({@code len:bytes,}); null at end of stream. */
    private static byte[] readNetstring(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        for (int c = in.read(); c != ':'; c = in.read()) {
            if (c < 0) {
                return null;
            }
            if (c < '0' || c > '9' || ++digits > 7) {
                throw new IOException("bad netstring length byte " + c);
            }
            length = length * 10 + (c - '0');
        }
        if (length > MAX_FRAME) {
            throw new IOException("netstring of " + length + " bytes exceeds " + MAX_FRAME);
        }
        byte[] frame = in.readNBytes(length);
        if (frame.length < length || in.read() != ',') {
            throw new IOException("truncated netstring");
        }
        return frame;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Asks baresip to quit (it unregisters first), then kills it when it has not exited within 5 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                send("quit", null);
            } catch (IOException ignored) {
                // killed below
            }
        }
        try {
            control.close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
