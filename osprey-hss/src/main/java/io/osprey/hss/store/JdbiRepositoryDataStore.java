package io.osprey.hss.store;

import io.osprey.hss.model.RepositoryData;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link RepositoryDataStore} on the {@code sh_repository_data} table (migration V2), through the store's own
 * {@link Transactions}, so it shares the connection pool and, on SQLite, the write lock. Updates are
 * compare-and-set on the stored sequence number; a creation that loses a race on the primary key is
 * OUT_OF_SYNC. Portable SQL for SQLite and PostgreSQL.
 */
final class JdbiRepositoryDataStore implements RepositoryDataStore {

    private static final String SELECT = "SELECT service_indication, sequence_number, service_data "
            + "FROM sh_repository_data WHERE impu = :impu";

    private final Transactions transactions;

    JdbiRepositoryDataStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<RepositoryData> find(String impu, String serviceIndication) {
        return transactions.read("read repository data " + serviceIndication + " of " + impu,
                h -> h.createQuery(SELECT + " AND service_indication = :si").bind("impu", impu)
                        .bind("si", serviceIndication)
                        .map((rs, ctx) -> row(rs.getString(1), rs.getInt(2), rs.getString(3))).findOne());
    }

    @Override
    public List<RepositoryData> findAll(String impu) {
        return transactions.read("list repository data of " + impu,
                h -> h.createQuery(SELECT + " ORDER BY service_indication").bind("impu", impu)
                        .map((rs, ctx) -> row(rs.getString(1), rs.getInt(2), rs.getString(3))).list());
    }

    @Override
    public UpdateOutcome update(String impu, RepositoryData data) {
        String what = "update repository data " + data.serviceIndication() + " of " + impu;
        try {
            return transactions.write(what,
                    h -> data.sequenceNumber() == 0 ? create(h, impu, data) : replace(h, impu, data));
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.DUPLICATE) {
                return UpdateOutcome.OUT_OF_SYNC; // another AS created it between our check and our insert
            }
            throw e;
        }
    }

    private static UpdateOutcome create(Handle h, String impu, RepositoryData data) {
        if (data.serviceData().isEmpty()) {
            return UpdateOutcome.OUT_OF_SYNC;
        }
        boolean exists = h.createQuery("SELECT COUNT(*) FROM sh_repository_data WHERE impu = :impu "
                        + "AND service_indication = :si").bind("impu", impu).bind("si", data.serviceIndication())
                .mapTo(Integer.class).one() > 0;
        if (exists) {
            return UpdateOutcome.OUT_OF_SYNC;
        }
        h.createUpdate("INSERT INTO sh_repository_data (impu, service_indication, sequence_number, service_data)"
                        + " VALUES (:impu, :si, 0, :data)")
                .bind("impu", impu).bind("si", data.serviceIndication())
                .bind("data", data.serviceData().get()).execute();
        return UpdateOutcome.CREATED;
    }

    private static UpdateOutcome replace(Handle h, String impu, RepositoryData data) {
        int previous = data.sequenceNumber() == 1 ? RepositoryData.MAX_SEQUENCE_NUMBER : data.sequenceNumber() - 1;
        // Sequence 1 follows both 0 (first update) and 65535 (wrap-around).
        String sequenceMatch = data.sequenceNumber() == 1
                ? "(sequence_number = 0 OR sequence_number = :previous)" : "sequence_number = :previous";
        String where = " WHERE impu = :impu AND service_indication = :si AND " + sequenceMatch;
        int rows;
        if (data.serviceData().isEmpty()) {
            rows = h.createUpdate("DELETE FROM sh_repository_data" + where)
                    .bind("impu", impu).bind("si", data.serviceIndication()).bind("previous", previous).execute();
            return rows == 1 ? UpdateOutcome.DELETED : UpdateOutcome.OUT_OF_SYNC;
        }
        rows = h.createUpdate("UPDATE sh_repository_data SET sequence_number = :seq, service_data = :data" + where)
                .bind("seq", data.sequenceNumber()).bind("data", data.serviceData().get())
                .bind("impu", impu).bind("si", data.serviceIndication()).bind("previous", previous).execute();
        return rows == 1 ? UpdateOutcome.UPDATED : UpdateOutcome.OUT_OF_SYNC;
    }

    private static RepositoryData row(String serviceIndication, int sequenceNumber, String serviceData) {
        return new RepositoryData(serviceIndication, sequenceNumber, Optional.of(serviceData));
    }
}
