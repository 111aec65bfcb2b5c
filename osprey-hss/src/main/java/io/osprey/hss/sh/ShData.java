package io.osprey.hss.sh;

import io.osprey.hss.model.RepositoryData;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an Sh-Data document (TS 29.328 Annex D, tShData) this HSS serves: PublicIdentifiers,
 * RepositoryData and Sh-IMS-Data. Empty parts are left out of the document.
 *
 * @param publicIdentities IMSPublicIdentity values (Data-Reference IMSPublicIdentity)
 * @param repositoryData   transparent data items (Data-Reference RepositoryData)
 * @param imsData          Sh-IMS-Data, when any of its parts was asked for
 */
public record ShData(List<String> publicIdentities, List<RepositoryData> repositoryData, Optional<ImsData> imsData) {

    public ShData {
        publicIdentities = List.copyOf(publicIdentities);
        repositoryData = List.copyOf(repositoryData);
    }

    /**
     * tShIMSData: the serving S-CSCF, the iFCs (each an {@code <InitialFilterCriteria>} element of TS 29.228
     * Annex E as XML text) and IMSUserState.
     */
    public record ImsData(Optional<String> scscfName, Optional<List<String>> filterCriteriaXml,
                          Optional<ImsUserState> userState) {

        public ImsData {
            filterCriteriaXml = filterCriteriaXml.map(List::copyOf);
        }
    }

    /** tIMSUserState of TS 29.328 Annex D. */
    public enum ImsUserState {
        NOT_REGISTERED(0),
        REGISTERED(1),
        REGISTERED_UNREG_SERVICES(2),
        AUTHENTICATION_PENDING(3);

        private final int code;

        ImsUserState(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
