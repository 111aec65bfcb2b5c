package io.osprey.diameter.message;

/**
 * The End-to-End Identifier of the Diameter header (RFC 6733 §3): set by the originator, never changed by
 * agents, with Origin-Host the key for duplicate detection. An unsigned 32-bit value held in an int.
 */
public record EndToEndId(int value) {

    public static EndToEndId of(long unsignedValue) {
        if (unsignedValue < 0 || unsignedValue > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("End-to-End Identifier must be 0.." + 0xFFFF_FFFFL + ", was " + unsignedValue);
        }
        return new EndToEndId((int) unsignedValue);
    }

    @Override
    public String toString() {
        return "e2e:" + Integer.toHexString(value);
    }
}
