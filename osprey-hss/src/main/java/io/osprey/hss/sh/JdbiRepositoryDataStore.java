package io.osprey.hss.sh;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link RepositoryDataStore} on the {@code sh_repository_data} table of the subscriber store database
 * (migration V2). Updates are compare-and-set on the stored sequence number; creation relies on the primary
 * key, so a concurrent creator loses with OUT_OF_SYNC. Portable SQL for SQLite and PostgreSQL.
 */
public final class JdbiRepositoryDataStore implements RepositoryDataStore {

    private static final String SELECT = "SELECT service_indication, sequence_number, service_data "
            + "FROM sh_repository_data WHERE impu = :impu";

    private final Jdbi jdbi;

    public JdbiRepositoryDataStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<RepositoryData> find(String impu, String serviceIndication) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " AND service_indication = :si")
                .bind("impu", impu).bind("si", serviceIndication)
                .map((rs, ctx) -> row(rs.getString(1), rs.getInt(2), rs.getString(3))).findOne());
    }

    @Override
    public List<RepositoryData> findAll(String impu) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY service_indication").bind("impu", impu)
                .map((rs, ctx) -> row(rs.getString(1), rs.getInt(2), rs.getString(3))).list());
    }

    @Override
    public UpdateOutcome update(String impu, RepositoryData data) {
        return jdbi.inTransaction(h -> data.sequenceNumber() == 0 ? create(h, impu, data) : replace(h, impu, data));
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
        try {
            h.createUpdate("INSERT INTO sh_repository_data (impu, service_indication, sequence_number, service_data)"
                            + " VALUES (:impu, :si, 0, :data)")
                    .bind("impu", impu).bind("si", data.serviceIndication())
                    .bind("data", data.serviceData().get()).execute();
            return UpdateOutcome.CREATED;
        } catch (UnableToExecuteStatementException duplicate) {
            return UpdateOutcome.OUT_OF_SYNC;
        }
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
