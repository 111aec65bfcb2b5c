package io.osprey.hss.provisioning;

import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.store.NewSubscription;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStore;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports subscribers from CSV in the format of {@link ProvisioningService#importCsv(Reader)}. Rows are
 * validated one by one and stored in batches, each batch in one transaction; when a batch hits an existing
 * identity it is retried row by row, so only the conflicting rows fail. Errors name the line and the column.
 * A database outage stops the import (earlier batches stay).
 */
final class CsvSubscriberImporter {

    static final int DEFAULT_BATCH_SIZE = 1000;
    static final List<String> COLUMNS = List.of("impi", "impu", "tel", "subscription", "k", "op", "opc", "amf",
            "sqn", "password", "profile", "ifc_templates");

    private final SubscriberStore store;
    private final SubscriberFactory factory;
    private final int batchSize;
    private final List<ImportError> errors = new ArrayList<>();
    private final Set<String> seenKeys = new HashSet<>();
    private int imported;
    private int failed;

    CsvSubscriberImporter(SubscriberStore store, SubscriberFactory factory, int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + batchSize);
        }
        this.store = store;
        this.factory = factory;
        this.batchSize = batchSize;
    }

    ImportResult run(Reader csv) {
        CsvReader reader = new CsvReader(csv);
        Map<String, Integer> columns = header(reader);
        List<Row> batch = new ArrayList<>(batchSize);
        while (true) {
            List<String> fields;
            try {
                fields = reader.next();
            } catch (CsvReader.CsvFormatException e) {
                fail(e.line, "", e.getMessage());
                continue;
            }
            if (fields == null) {
                break;
            }
            Row row = parse(reader.lineNumber(), fields, columns);
            if (row != null) {
                batch.add(row);
                if (batch.size() == batchSize) {
                    flush(batch);
                }
            }
        }
        flush(batch);
        return new ImportResult(imported, failed, errors);
    }

    private Map<String, Integer> header(CsvReader reader) {
        List<String> names = reader.next();
        if (names == null) {
            throw ProvisioningException.invalid("header", "the file is empty; the first line must name the columns "
                    + COLUMNS);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(java.util.Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw ProvisioningException.invalid("header", "unknown column \"" + names.get(i) + "\"; known columns: "
                        + COLUMNS);
            }
            if (columns.put(name, i) != null) {
                throw ProvisioningException.invalid("header", "column " + name + " appears twice");
            }
        }
        for (String required : List.of("impi", "impu")) {
            if (!columns.containsKey(required)) {
                throw ProvisioningException.invalid("header", "required column " + required + " is missing");
            }
        }
        return columns;
    }

    private Row parse(int line, List<String> fields, Map<String, Integer> columns) {
        if (fields.size() != columns.size()) {
            fail(line, "", "line has " + fields.size() + " fields, the header has " + columns.size());
            return null;
        }
        try {
            String sqnText = value(fields, columns, "sqn");
            Long sqn = null;
            if (sqnText != null) {
                try {
                    sqn = Long.parseLong(sqnText);
                } catch (NumberFormatException e) {
                    throw ProvisioningException.invalid("sqn", "must be a decimal number, was \"" + sqnText + "\"");
                }
            }
            String templates = value(fields, columns, "ifc_templates");
            NewSubscriber request = new NewSubscriber(value(fields, columns, "impi"), value(fields, columns, "impu"),
                    value(fields, columns, "tel"), value(fields, columns, "subscription"), value(fields, columns, "k"),
                    value(fields, columns, "op"), value(fields, columns, "opc"), value(fields, columns, "amf"), sqn,
                    value(fields, columns, "password"), value(fields, columns, "profile"),
                    templates == null ? List.of() : Arrays.stream(templates.split(";")).map(String::strip)
                            .filter(name -> !name.isEmpty()).toList());
            NewSubscription subscription = factory.build(request);
            checkUniqueInFile(subscription);
            return new Row(line, subscription);
        } catch (ProvisioningException e) {
            fail(line, columnOf(e), e.reason());
            return null;
        }
    }

    private void checkUniqueInFile(NewSubscription subscription) {
        List<String[]> keys = new ArrayList<>();
        keys.add(new String[] {"subscription", "subscription " + subscription.subscription().id()});
        for (ImpiCredentials credentials : subscription.privateIdentities()) {
            keys.add(new String[] {"impi", "impi " + credentials.impi()});
        }
        for (PublicIdentityRecord identity : subscription.publicIdentities()) {
            keys.add(new String[] {identity.impu().isTel() ? "tel" : "impu", "impu " + identity.impu()});
        }
        for (String[] key : keys) {
            if (seenKeys.contains(key[1])) {
                throw ProvisioningException.conflict(key[0], key[1].substring(key[1].indexOf(' ') + 1)
                        + " appears on an earlier line of this file");
            }
        }
        keys.forEach(key -> seenKeys.add(key[1]));
    }

    private void flush(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.subscriptions().createSubscriptions(batch.stream().map(Row::subscription).toList());
            imported += batch.size();
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.UNAVAILABLE) {
                throw e;
            }
            batch.forEach(this::storeAlone);
        }
        batch.clear();
    }

    private void storeAlone(Row row) {
        try {
            ProvisioningService.checkFree(store, row.subscription);
            store.subscriptions().createSubscriptions(List.of(row.subscription));
            imported++;
        } catch (ProvisioningException e) {
            fail(row.line, columnOf(e), e.reason());
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.UNAVAILABLE) {
                throw e;
            }
            fail(row.line, "", e.getMessage());
        }
    }

    private void fail(int line, String column, String message) {
        failed++;
        if (errors.size() < ImportResult.MAX_ERRORS) {
            errors.add(new ImportError(line, column, message));
        }
    }

    private static String columnOf(ProvisioningException e) {
        String field = e.field().orElse("");
        return switch (field) {
            case "subscriptionId" -> "subscription";
            case "ifcTemplates" -> "ifc_templates";
            default -> field;
        };
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = fields.get(index);
        return value.isEmpty() ? null : value;
    }

    private record Row(int line, NewSubscription subscription) {
    }
}
