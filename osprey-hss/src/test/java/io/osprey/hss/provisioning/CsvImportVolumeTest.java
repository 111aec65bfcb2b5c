package io.osprey.hss.provisioning;

import static io.osprey.hss.provisioning.ProvisioningFixture.K;
import static io.osprey.hss.provisioning.ProvisioningFixture.OPC;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.Milenage;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.store.SubscriberStore;
import java.io.Reader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports 100,000 AKA subscribers (IMPI, sip and tel IMPUs, keys, templates) into SQLite and prints the time.
 * No timing assertion: the figure goes to the test output for the report.
 */
class CsvImportVolumeTest {

    private static final int ROWS = 100_000;
    private static final String DOMAIN = ProvisioningFixture.DOMAIN;

    @TempDir
    Path directory;

    @Test
    void importsOneHundredThousandSubscribers() {
        try (SubscriberStore store = ProvisioningFixture.store(directory)) {
            ProvisioningService service = new ProvisioningService(store, DOMAIN);
            service.installDefaultTemplates();

            long start = System.nanoTime();
            ImportResult result = service.importCsv(new GeneratedCsv(ROWS));
            long millis = (System.nanoTime() - start) / 1_000_000;

            System.out.printf("CSV import: %d subscribers (%d rows: subscription, IMPI, 2 IMPUs, 2 links each) into"
                    + " SQLite in %d ms, %.0f subscribers/s%n", result.imported(), ROWS * 6, millis, ROWS * 1000.0 / millis);
            assertThat(result.errors()).isEmpty();
            assertThat(result.imported()).isEqualTo(ROWS);
            Impi last = new Impi(imsi(ROWS - 1) + "@" + DOMAIN);
            assertThat(store.identities().isAssociated(last, new Impu(tel(ROWS - 1)))).isTrue();
            AuthenticationVector vector = store.authenticationCentre().nextVector(last);
            byte[] expectedXres = Milenage.fromOpc(Hex.decode("k", K, 16), Hex.decode("opc", OPC, 16)).f2(vector.rand());
            assertThat(vector.xres()).isEqualTo(expectedXres);
        }
    }

    private static String imsi(int n) {
        return String.format("00101%010d", n);
    }

    private static String tel(int n) {
        return String.format("tel:+1555%07d", n);
    }

    /** CSV produced line by line, so the test does not hold the whole file in memory. */
    private static final class GeneratedCsv extends Reader {

        private final int rows;
        private int next = -1;
        private String line = "impi,impu,tel,k,opc,ifc_templates\n";
        private int position;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == line.length()) {
                if (++next == rows) {
                    return -1;
                }
                String id = imsi(next);
                line = id + "@" + DOMAIN + ",sip:" + id + "@" + DOMAIN + "," + tel(next) + "," + K + "," + OPC
                        + ",mmtel-orig;mmtel-term\n";
                position = 0;
            }
            int count = Math.min(length, line.length() - position);
            line.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}
