package io.osprey.diameter.message;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.ResultCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable Diameter message (RFC 6733 §3): version 1 header (flags R/P/E/T, 24-bit command code,
 * Application-ID, Hop-by-Hop and End-to-End identifiers) and the ordered top-level AVPs. Build requests with
 * {@link #request} and answers with {@link #answerTo}; the codec lives in {@code io.osprey.diameter.codec}.
 */
public final class DiameterMessage {

    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 20;
    /** Largest value of the 24-bit Message Length field. */
    public static final int MAX_LENGTH = 0xFF_FFFF;
    public static final int FLAG_REQUEST = 0x80;
    public static final int FLAG_PROXIABLE = 0x40;
    public static final int FLAG_ERROR = 0x20;
    public static final int FLAG_RETRANSMITTED = 0x10;

    private final byte flags;
    private final int commandCode;
    private final int applicationId;
    private final HopByHopId hopByHopId;
    private final EndToEndId endToEndId;
    private final List<Avp> avps;
    private final int length;

    private DiameterMessage(int flags, int commandCode, long applicationId, HopByHopId hopByHopId, EndToEndId endToEndId,
                            List<Avp> avps) {
        if ((flags & ~0xFF) != 0) {
            throw new IllegalArgumentException("command flags must fit one octet, were 0x" + Integer.toHexString(flags));
        }
        if (commandCode < 0 || commandCode > 0xFF_FFFF) {
            throw new IllegalArgumentException("command code must be 0..16777215, was " + commandCode);
        }
        if (applicationId < 0 || applicationId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("application id must be 0.." + 0xFFFF_FFFFL + ", was " + applicationId);
        }
        long total = HEADER_LENGTH;
        for (Avp avp : avps) {
            total += avp.paddedLength();
        }
        if (total > MAX_LENGTH) {
            throw new IllegalArgumentException("message length " + total + " exceeds the 24-bit limit " + MAX_LENGTH);
        }
        this.flags = (byte) flags;
        this.commandCode = commandCode;
        this.applicationId = (int) applicationId;
        this.hopByHopId = Objects.requireNonNull(hopByHopId, "hopByHopId");
        this.endToEndId = Objects.requireNonNull(endToEndId, "endToEndId");
        this.avps = avps;
        this.length = (int) total;
    }

    /** A message from its header fields and AVPs (the list is copied). */
    public static DiameterMessage of(int flags, int commandCode, long applicationId, HopByHopId hopByHopId,
                                     EndToEndId endToEndId, List<Avp> avps) {
        return new DiameterMessage(flags, commandCode, applicationId, hopByHopId, endToEndId, List.copyOf(avps));
    }

    /** Starts a request of {@code command} sent by {@code local}. */
    public static RequestBuilder request(CommandDefinition command, LocalIdentity local) {
        return new RequestBuilder(command, local);
    }

    /** Starts the answer to {@code request} sent by {@code local}. */
    public static AnswerBuilder answerTo(DiameterMessage request, LocalIdentity local) {
        return new AnswerBuilder(request, local);
    }

    public int flags() {
        return flags & 0xFF;
    }

    public boolean isRequest() {
        return (flags & FLAG_REQUEST) != 0;
    }

    public boolean isProxiable() {
        return (flags & FLAG_PROXIABLE) != 0;
    }

    /** The 'E' bit: an answer carrying a protocol error (3xxx). */
    public boolean isError() {
        return (flags & FLAG_ERROR) != 0;
    }

    /** The 'T' bit: a request resent after a link failover. */
    public boolean isPotentiallyRetransmitted() {
        return (flags & FLAG_RETRANSMITTED) != 0;
    }

    public int commandCode() {
        return commandCode;
    }

    public long applicationId() {
        return applicationId & 0xFFFF_FFFFL;
    }

    public HopByHopId hopByHopId() {
        return hopByHopId;
    }

    public EndToEndId endToEndId() {
        return endToEndId;
    }

    /** The top-level AVPs in wire order (unmodifiable). */
    public List<Avp> avps() {
        return avps;
    }

    /** The Message Length field: header plus padded AVPs. */
    public int length() {
        return length;
    }

    /** The same message under a new Hop-by-Hop Identifier, as each hop assigns its own. */
    public DiameterMessage withHopByHopId(HopByHopId id) {
        return new DiameterMessage(flags(), commandCode, applicationId(), id, endToEndId, avps);
    }

    /** The same request with the 'T' flag set, for resending after failover (RFC 6733 §5.5.4). */
    public DiameterMessage withPotentiallyRetransmitted() {
        return new DiameterMessage(flags() | FLAG_RETRANSMITTED, commandCode, applicationId(), hopByHopId, endToEndId, avps);
    }

    /** The same header with other AVPs, e.g. a relay appending Route-Record. */
    public DiameterMessage withAvps(List<Avp> newAvps) {
        return of(flags(), commandCode, applicationId(), hopByHopId, endToEndId, newAvps);
    }

    public Optional<Avp> avp(AvpDefinition definition) {
        return AvpLookup.first(avps, definition.code(), definition.vendorId());
    }

    public Optional<Avp> avp(int code, long vendorId) {
        return AvpLookup.first(avps, code, vendorId);
    }

    /** The first IETF (vendor 0) AVP with {@code code}. */
    public Optional<Avp> avp(int code) {
        return AvpLookup.first(avps, code, 0);
    }

    public List<Avp> avps(AvpDefinition definition) {
        return AvpLookup.all(avps, definition.code(), definition.vendorId());
    }

    public List<Avp> avps(int code, long vendorId) {
        return AvpLookup.all(avps, code, vendorId);
    }

    /** Follows {@code path} through Grouped AVPs, e.g. {@code find(EXPERIMENTAL_RESULT, EXPERIMENTAL_RESULT_CODE)}. */
    public Optional<Avp> find(AvpDefinition... path) {
        return AvpLookup.path(avps, path);
    }

    public Optional<String> sessionId() {
        return avp(BaseDictionary.SESSION_ID).map(Avp::asUtf8);
    }

    /**
     * The outcome of an answer: Result-Code as a base result, or Experimental-Result as
     * {vendor, Experimental-Result-Code}; empty if neither is present and complete.
     */
    public Optional<ResultCode> result() {
        Optional<Avp> resultCode = avp(BaseDictionary.RESULT_CODE);
        if (resultCode.isPresent()) {
            return Optional.of(ResultCode.base((int) resultCode.get().asUnsigned32()));
        }
        Optional<Avp> experimental = avp(BaseDictionary.EXPERIMENTAL_RESULT).filter(Avp::isGrouped);
        if (experimental.isEmpty()) {
            return Optional.empty();
        }
        Optional<Avp> vendor = experimental.get().avp(BaseDictionary.VENDOR_ID);
        Optional<Avp> code = experimental.get().avp(BaseDictionary.EXPERIMENTAL_RESULT_CODE);
        if (vendor.isEmpty() || code.isEmpty() || vendor.get().asUnsigned32() == 0) {
            return Optional.empty();
        }
        return Optional.of(ResultCode.experimental(vendor.get().asUnsigned32(), (int) code.get().asUnsigned32()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiameterMessage other && flags == other.flags && commandCode == other.commandCode
                && applicationId == other.applicationId && hopByHopId.equals(other.hopByHopId)
                && endToEndId.equals(other.endToEndId) && avps.equals(other.avps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, commandCode, applicationId, hopByHopId, endToEndId, avps.size());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DiameterMessage{").append(commandCode)
                .append(isRequest() ? " request" : " answer").append(" app ").append(applicationId());
        sb.append(isProxiable() ? " P" : "").append(isError() ? " E" : "").append(isPotentiallyRetransmitted() ? " T" : "");
        return sb.append(' ').append(hopByHopId).append(' ').append(endToEndId).append(" avps=").append(avps)
                .append('}').toString();
    }
}
