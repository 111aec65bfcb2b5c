package io.osprey.cscf.icscf;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Topology hiding of the home network by the I-CSCF (THIG, TS 24.229 §5.3.3, TS 23.228 §4.14): in responses leaving
 * the home network, each run of Service-Route or Record-Route values that name home-network hosts is replaced by
 * one value naming the I-CSCF with the run encrypted in a {@code thig} parameter (AES-GCM, so it can be neither
 * read nor forged); when a request comes back along that value, the I-CSCF decrypts it and puts the hidden hops back.
 *
 * <p>The key lives as long as the process: dialogs and registrations hidden by an earlier run cannot be revealed
 * after a restart (their in-dialog requests get 400 and the UE registers again).
 */
public final class TopologyHiding {

    /** The URI parameter carrying the encrypted hops. */
    public static final String PARAM = "thig";
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_TOKEN = 4096;

    private final String homeSuffix;
    private final String ownHost;
    private final int ownPort;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TopologyHiding(String homeDomain, String ownHost, int ownPort) {
        this.homeSuffix = "." + homeDomain.toLowerCase(Locale.ROOT);
        this.ownHost = ownHost;
        this.ownPort = ownPort;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            this.key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** The response with its home-network Service-Route and Record-Route values hidden. */
    public SipResponse hide(SipResponse response) {
        List<String> serviceRoute = response.headers("Service-Route");
        List<String> recordRoute = response.headers("Record-Route");
        if (serviceRoute.isEmpty() && recordRoute.isEmpty()) {
            return response;
        }
        SipResponse.Builder hidden = response.toBuilder();
        rewrite(hidden, SipHeaderName.SERVICE_ROUTE, response);
        rewrite(hidden, SipHeaderName.RECORD_ROUTE, response);
        return hidden.build();
    }

    private void rewrite(SipResponse.Builder builder, SipHeaderName header, SipResponse response) {
        List<NameAddress> values = response.nameAddresses(header);
        if (values.isEmpty()) {
            return;
        }
        List<String> rewritten = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (NameAddress value : values) {
            if (isHome(value)) {
                run.add(value.toString());
                continue;
            }
            flush(run, rewritten);
            rewritten.add(value.toString());
        }
        flush(run, rewritten);
        builder.remove(header.canonical());
        for (String value : rewritten) {
            builder.add(header.canonical(), value);
        }
    }

    private void flush(List<String> run, List<String> into) {
        if (!run.isEmpty()) {
            into.add("<sip:" + ownHost + ":" + ownPort + ";lr;" + PARAM + "=" + encrypt(String.join("\n", run)) + ">");
            run.clear();
        }
    }

    /** The hidden hops of a Route value this I-CSCF made; null when it carries no valid token. */
    public List<String> reveal(SipUri ownRoute) {
        String token = ownRoute.param(PARAM);
        if (token == null || token.length() > MAX_TOKEN) {
            return null;
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token);
            if (sealed.length <= IV_LENGTH) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_LENGTH));
            byte[] plain = cipher.doFinal(sealed, IV_LENGTH, sealed.length - IV_LENGTH);
            return List.of(new String(plain, StandardCharsets.UTF_8).split("\n"));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private boolean isHome(NameAddress value) {
        if (!(value.uri() instanceof SipUri sip)) {
            return false;
        }
        String host = sip.host().toLowerCase(Locale.ROOT);
        boolean self = host.equalsIgnoreCase(ownHost) && sip.portOrDefault() == ownPort;
        return !self && host.endsWith(homeSuffix);
    }

    private String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] token = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, token, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, token, IV_LENGTH, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
