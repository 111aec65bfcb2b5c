package io.osprey.hss.model;

import java.util.Optional;

/**
 * Transparent data an AS keeps in the HSS for one public identity (TS 29.328 §7.6, tTransparentData of
 * Annex D): the Service-Indication naming it, the sequence number of its last update, and the ServiceData
 * content as raw XML text. An update without ServiceData deletes the data.
 *
 * @param serviceIndication the AS-chosen key, at most {@value #MAX_SERVICE_INDICATION} characters
 * @param sequenceNumber    0..65535
 * @param serviceData       the ServiceData element's content, at most {@value #MAX_SERVICE_DATA} characters
 */
public record RepositoryData(String serviceIndication, int sequenceNumber, Optional<String> serviceData) {

    public static final int MAX_SERVICE_INDICATION = 255;
    public static final int MAX_SERVICE_DATA = 65_536;
    public static final int MAX_SEQUENCE_NUMBER = 65_535;

    public RepositoryData {
        Checks.notNull("serviceIndication", serviceIndication);
        Checks.optional("serviceData", serviceData);
        if (serviceIndication.isEmpty() || serviceIndication.length() > MAX_SERVICE_INDICATION) {
            throw new InvalidValueException("serviceIndication", "must be 1.." + MAX_SERVICE_INDICATION
                    + " characters, was " + serviceIndication.length());
        }
        if (sequenceNumber < 0 || sequenceNumber > MAX_SEQUENCE_NUMBER) {
            throw new InvalidValueException("sequenceNumber", "must be 0.." + MAX_SEQUENCE_NUMBER + ", was "
                    + sequenceNumber);
        }
        serviceData.ifPresent(data -> {
            if (data.length() > MAX_SERVICE_DATA) {
                throw new InvalidValueException("serviceData", "must be at most " + MAX_SERVICE_DATA
                        + " characters, was " + data.length());
            }
        });
    }

    /**
     * The sequence number an update of data stored under {@code stored} must carry: stored + 1, wrapping from
     * 65535 to 1 because 0 is reserved for creation (TS 29.328 §7.6).
     */
    public static int nextSequenceNumber(int stored) {
        return stored == MAX_SEQUENCE_NUMBER ? 1 : stored + 1;
    }
}
