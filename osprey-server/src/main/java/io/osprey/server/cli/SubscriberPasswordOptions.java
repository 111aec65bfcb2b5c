package io.osprey.server.cli;

import io.osprey.server.cli.SubscriberCommand.UsageProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * {@code --password <secret>} or {@code --password-stdin}, which reads the password from the first line of standard
 * input so that it stays out of shell history and process lists. Mixed into the subscriber commands that take a
 * SIP digest password; at most one of the two may be given.
 */
final class SubscriberPasswordOptions {

    static final String PASSWORD = "--password";
    static final String PASSWORD_STDIN = "--password-stdin";
    /** Longest first line read; a password is at most 128 characters, four bytes each in UTF-8. */
    static final int MAX_LINE_BYTES = 512;

    @Option(names = PASSWORD, paramLabel = "<password>",
            description = "SIP digest password (visible in shell history; prefer --password-stdin).")
    String password;

    @Option(names = PASSWORD_STDIN, description = "Read the SIP digest password from the first line of standard input.")
    boolean fromStdin;

    /** Whether either option was given. */
    boolean given() {
        return password != null || fromStdin;
    }

    /** The option the password came from, for error messages about the {@code password} field. */
    String option() {
        return fromStdin ? PASSWORD_STDIN : PASSWORD;
    }

    /** The password given, null when neither option was; {@code --password-stdin} reads one line of {@code stdin}. */
    String password(InputStream stdin) throws UsageProblem {
        if (password != null && fromStdin) {
            throw new UsageProblem(PASSWORD_STDIN + ": cannot be combined with " + PASSWORD + "; give one of them");
        }
        return fromStdin ? firstLine(stdin) : password;
    }

    /** The first line of {@code in} without its line ending, read up to {@link #MAX_LINE_BYTES} bytes. */
    static String firstLine(InputStream in) throws UsageProblem {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean ended = false;
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    ended = true;
                    break;
                }
                if (line.size() == MAX_LINE_BYTES) {
                    throw new UsageProblem(PASSWORD_STDIN + ": the first line of standard input is longer than "
                            + MAX_LINE_BYTES + " bytes");
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new UsageProblem(PASSWORD_STDIN + ": cannot read standard input: " + e.getMessage());
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (length == 0) {
            throw new UsageProblem(PASSWORD_STDIN + ": " + (ended || bytes.length > 0
                    ? "the first line of standard input is empty"
                    : "standard input is empty; pipe the password in, e.g. printf '%s\\n' \"$PASSWORD\" | osprey ..."));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UsageProblem(PASSWORD_STDIN + ": the first line of standard input is not UTF-8");
        }
    }
}
