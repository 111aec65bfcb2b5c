package io.osprey.diameter.message;

/**
 * The Hop-by-Hop Identifier of the Diameter header (RFC 6733 §3): unique per connection at any time, copied
 * into the answer, replaced by each agent. An unsigned 32-bit value held in an int.
 */
public record HopByHopId(int value) {

    public static HopByHopId of(long unsignedValue) {
        if (unsignedValue < 0 || unsignedValue > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Hop-by-Hop Identifier must be 0.." + 0xFFFF_FFFFL + ", was " + unsignedValue);
        }
        return new HopByHopId((int) unsignedValue);
    }

    @Override
    public String toString() {
        return "hbh:" + Integer.toHexString(value);
    }
}
