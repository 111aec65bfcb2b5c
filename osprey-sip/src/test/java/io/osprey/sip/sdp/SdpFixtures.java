package io.osprey.sip.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads SDP fixtures from {@code src/test/resources/sdp}, with CRLF line ends whatever the checkout did. */
public final class SdpFixtures {

    private SdpFixtures() {
    }

    public static String load(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /sdp/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\r\n", "\n").replace("\n", "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
