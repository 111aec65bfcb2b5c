package io.osprey.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks Digest nonces (RFC 7616 §3.3, §5.4-§5.5).
 *
 * <p>An issued nonce is {@code base64(payload ‖ issue-time ‖ HMAC-SHA256(secret, payload ‖ issue-time)[0..16))}
 * with the issue time as 8 octets of epoch milliseconds, so integrity and age are checked without state. The
 * payload is random unless the caller supplies one: for IMS AKA, {@code RAND ‖ AUTN}, which keeps the nonce a
 * valid RFC 3310 nonce ({@code base64(RAND ‖ AUTN ‖ server data)}). A nonce built entirely by the caller can be
 * {@linkplain #register registered} instead and is then checked by lookup.
 *
 * <p>Replay protection keeps, for a bounded number of recent nonces, the highest nonce-count accepted. Past
 * that capacity the least recently used nonces are dropped; a dropped nonce is answered {@link NonceStatus#STALE},
 * so the client is challenged again rather than trusted. Thread-safe: the map is guarded by this object's lock.
 */
public final class NonceManager {

    private static final int MAC_LENGTH = 16;
    private static final int TIME_LENGTH = 8;
    private static final int RANDOM_PAYLOAD_LENGTH = 16;
    private static final int MAX_NONCE_LENGTH = 512;
    /** Keeps every nonce issued here under {@link #MAX_NONCE_LENGTH} base64 characters. */
    private static final int MAX_PAYLOAD_LENGTH = 256;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final long lifetimeMillis;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Map<String, Tracked> recent;

    /**
     * @param secret   HMAC key, at least 16 octets (copied); instances sharing it accept each other's nonces
     * @param lifetime how long a nonce stays valid after issue
     * @param capacity how many nonces are tracked for replay protection
     * @param clock    wall-clock source (nonces carry absolute issue times)
     */
    public NonceManager(byte[] secret, Duration lifetime, int capacity, InstantSource clock, SecureRandom random) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("nonce secret must be at least 16 octets, was " + secret.length);
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime must be positive, was " + lifetime);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("nonce capacity must be at least 1, was " + capacity);
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.lifetimeMillis = lifetime.toMillis();
        this.clock = clock;
        this.random = random;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A manager with a fresh random secret and the system clock. */
    public static NonceManager create(Duration lifetime, int capacity) {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new NonceManager(secret, lifetime, capacity, InstantSource.system(), random);
    }

    /** A new nonce with a random payload. */
    public String issue() {
        byte[] payload = new byte[RANDOM_PAYLOAD_LENGTH];
        random.nextBytes(payload);
        return issue(payload);
    }

    /**
     * A new nonce that carries {@code payload} (for IMS AKA: RAND ‖ AUTN; at most 256 octets) ahead of the issue
     * time and MAC.
     */
    public String issue(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("nonce payload of " + payload.length + " octets exceeds limit "
                    + MAX_PAYLOAD_LENGTH);
        }
        ByteBuffer raw = ByteBuffer.allocate(payload.length + TIME_LENGTH + MAC_LENGTH);
        raw.put(payload).putLong(clock.millis());
        raw.put(mac(raw.array(), payload.length + TIME_LENGTH));
        String nonce = Base64.getEncoder().encodeToString(raw.array());
        track(nonce, new Tracked(false, 0));
        return nonce;
    }

    /**
     * Starts tracking a nonce the caller built (for example an AKA nonce from the HSS); it is then checked by
     * lookup, valid for the lifetime from now, and forgotten when it is dropped from the bounded map.
     */
    public void register(String nonce) {
        track(nonce, new Tracked(true, clock.millis()));
    }

    /** The payload of a nonce issued here whose MAC checks out (regardless of age), or null. */
    public byte[] payload(String nonce) {
        byte[] raw = authenticated(nonce);
        return raw == null ? null : Arrays.copyOf(raw, raw.length - TIME_LENGTH - MAC_LENGTH);
    }

    /** Integrity and age of a nonce, without recording anything. Never returns {@link NonceStatus#REPLAY}. */
    public NonceStatus check(String nonce) {
        byte[] raw = authenticated(nonce);
        if (raw != null) {
            return age(ByteBuffer.wrap(raw, raw.length - TIME_LENGTH - MAC_LENGTH, TIME_LENGTH).getLong());
        }
        Tracked tracked;
        synchronized (this) {
            tracked = recent.get(nonce);
        }
        return tracked != null && tracked.registered ? age(tracked.registeredAt) : NonceStatus.INVALID;
    }

    /**
     * Checks a nonce and records a use with nonce-count {@code nc} (use 1 for credentials without qop, which
     * makes such a nonce single-use). Call it only after the response has been verified, so that forged requests
     * cannot use up counts.
     */
    public NonceStatus use(String nonce, long nc) {
        NonceStatus status = check(nonce);
        if (status != NonceStatus.VALID) {
            return status;
        }
        synchronized (this) {
            Tracked tracked = recent.get(nonce);
            if (tracked == null) {
                return NonceStatus.STALE;
            }
            if (nc <= tracked.highestCount) {
                return NonceStatus.REPLAY;
            }
            tracked.highestCount = nc;
            return NonceStatus.VALID;
        }
    }

    /** Stops tracking a nonce, for example after an AKA vector has been consumed. */
    public synchronized void forget(String nonce) {
        recent.remove(nonce);
    }

    /** How many nonces are tracked for replay protection. */
    public synchronized int trackedCount() {
        return recent.size();
    }

    private synchronized void track(String nonce, Tracked tracked) {
        recent.put(nonce, tracked);
    }

    private NonceStatus age(long issuedAtMillis) {
        return clock.millis() - issuedAtMillis > lifetimeMillis ? NonceStatus.STALE : NonceStatus.VALID;
    }

    /** The decoded nonce if it is one of ours with a valid MAC, else null. */
    private byte[] authenticated(String nonce) {
        if (nonce == null || nonce.length() > MAX_NONCE_LENGTH) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int signedLength = raw.length - MAC_LENGTH;
        if (signedLength < TIME_LENGTH) {
            return null;
        }
        byte[] expected = mac(raw, signedLength);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, signedLength, raw.length)) ? raw : null;
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + HMAC, e);
        }
    }

    /** Replay state of one nonce. */
    private static final class Tracked {
        final boolean registered;
        final long registeredAt;
        long highestCount;

        Tracked(boolean registered, long registeredAt) {
            this.registered = registered;
            this.registeredAt = registeredAt;
        }
    }
}
