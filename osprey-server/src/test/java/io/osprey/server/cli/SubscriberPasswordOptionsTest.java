package io.osprey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.server.cli.SubscriberCommand.UsageProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubscriberPasswordOptionsTest {

    private static String firstLine(byte[] input) throws UsageProblem {
        return SubscriberPasswordOptions.firstLine(new ByteArrayInputStream(input));
    }

    private static String firstLine(String input) throws UsageProblem {
        return firstLine(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheFirstLineWithoutItsEnding() throws Exception {
        assertThat(firstLine("s3cret\n")).isEqualTo("s3cret");
        assertThat(firstLine("s3cret\r\nsecond line\n")).isEqualTo("s3cret");
        assertThat(firstLine("no newline at the end")).isEqualTo("no newline at the end");
        assertThat(firstLine("  spaces kept \n")).isEqualTo("  spaces kept ");
        assertThat(firstLine("ünïcødé\n")).isEqualTo("ünïcødé");
        assertThat(firstLine("a".repeat(SubscriberPasswordOptions.MAX_LINE_BYTES) + "\n"))
                .hasSize(SubscriberPasswordOptions.MAX_LINE_BYTES);
    }

    @Test
    void refusesEmptyOverlongAndNonUtf8Input() {
        assertThatThrownBy(() -> firstLine("")).isInstanceOf(UsageProblem.class)
                .hasMessageStartingWith("--password-stdin: standard input is empty");
        assertThatThrownBy(() -> firstLine("\nsecret\n")).isInstanceOf(UsageProblem.class)
                .hasMessage("--password-stdin: the first line of standard input is empty");
        assertThatThrownBy(() -> firstLine("\r\n")).isInstanceOf(UsageProblem.class)
                .hasMessage("--password-stdin: the first line of standard input is empty");
        assertThatThrownBy(() -> firstLine("a".repeat(SubscriberPasswordOptions.MAX_LINE_BYTES + 1)))
                .isInstanceOf(UsageProblem.class)
                .hasMessage("--password-stdin: the first line of standard input is longer than 512 bytes");
        assertThatThrownBy(() -> firstLine(new byte[] {'a', (byte) 0xC3, '\n'})).isInstanceOf(UsageProblem.class)
                .hasMessage("--password-stdin: the first line of standard input is not UTF-8");
    }

    @Test
    void passwordAndPasswordStdinExcludeEachOther() throws Exception {
        SubscriberPasswordOptions options = new SubscriberPasswordOptions();
        assertThat(options.given()).isFalse();
        assertThat(options.password(new ByteArrayInputStream(new byte[0]))).isNull();
        options.password = "typed";
        assertThat(options.password(new ByteArrayInputStream(new byte[0]))).isEqualTo("typed");
        assertThat(options.option()).isEqualTo("--password");
        options.fromStdin = true;
        assertThatThrownBy(() -> options.password(new ByteArrayInputStream("piped\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UsageProblem.class)
                .hasMessage("--password-stdin: cannot be combined with --password; give one of them");
        options.password = null;
        assertThat(options.password(new ByteArrayInputStream("piped\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("piped");
        assertThat(options.option()).isEqualTo("--password-stdin");
    }
}
