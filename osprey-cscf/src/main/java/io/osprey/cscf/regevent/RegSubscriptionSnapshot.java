package io.osprey.cscf.regevent;

import static io.osprey.cscf.registrar.SnapshotFiles.field;
import static io.osprey.cscf.registrar.SnapshotFiles.list;
import static io.osprey.cscf.registrar.SnapshotFiles.text;
import static io.osprey.cscf.registrar.SnapshotFiles.texts;

import io.osprey.cscf.registrar.SnapshotFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The S-CSCF's reg-event subscriptions written when it stops and read back when it starts, beside its registrations
 * ({@link io.osprey.cscf.registrar.RegistrationSnapshot}): after a restart the UEs, P-CSCFs and ASs that watched a
 * registration are still told when it changes or ends (an RTR, an expiry), in the dialogs they set up, with CSeq and
 * reginfo version going on from where they were (RFC 3261 §12.2.1.1, RFC 3680 §5.4). One line per subscription
 * ({@link SnapshotFiles}):
 *
 * <pre>
 *   impu  call-id  local-tag  remote-tag  watched  subscriber  remote-target  route|route…  cseq  version  expires-at
 * </pre>
 */
public final class RegSubscriptionSnapshot {

    private static final int FIELDS = 11;

    private RegSubscriptionSnapshot() {
    }

    /** Writes {@code subscriptions} atomically. */
    public static void save(Collection<RegSubscription> subscriptions, Path file) throws IOException {
        List<List<String>> records = new ArrayList<>(subscriptions.size());
        for (RegSubscription s : subscriptions) {
            records.add(List.of(field(s.impu), field(s.callId), field(s.localTag), field(s.remoteTag),
                    field(s.watched), field(s.subscriber), field(s.remoteTarget), list(s.routeSet, "|"),
                    Long.toString(s.cseq()), Long.toString(s.version()), Long.toString(s.expiresAtMillis())));
        }
        SnapshotFiles.write(file, records);
    }

    /** The subscriptions in {@code file} that have not expired at {@code nowMillis}; none if it is absent. */
    public static List<RegSubscription> load(Path file, long nowMillis) throws IOException {
        List<RegSubscription> subscriptions = new ArrayList<>();
        for (String[] f : SnapshotFiles.read(file, FIELDS)) {
            long expiresAt = Long.parseLong(f[10]);
            if (expiresAt > nowMillis) {
                subscriptions.add(new RegSubscription(text(f[0]), text(f[1]), text(f[2]), text(f[3]), text(f[4]),
                        text(f[5]), text(f[6]), texts(f[7], "|"), expiresAt, Long.parseLong(f[8]),
                        Long.parseLong(f[9])));
            }
        }
        return subscriptions;
    }
}
