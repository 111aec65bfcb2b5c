package io.osprey.hss.provisioning;

import static io.osprey.hss.provisioning.ProvisioningException.Kind.INVALID;
import static io.osprey.hss.provisioning.ProvisioningFixture.K;
import static io.osprey.hss.provisioning.ProvisioningFixture.OPC;
import static io.osprey.hss.provisioning.ProvisioningFixture.aka;
import static io.osprey.hss.provisioning.ProvisioningFixture.assertRefused;
import static io.osprey.hss.provisioning.ProvisioningFixture.impi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.store.SubscriberStore;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {

    private static final String D = "@" + ProvisioningFixture.DOMAIN;

    @TempDir
    Path directory;

    private SubscriberStore store;
    private ProvisioningService service;

    @BeforeEach
    void open() {
        store = ProvisioningFixture.store(directory);
        service = new ProvisioningService(store, ProvisioningFixture.DOMAIN);
        service.installDefaultTemplates();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importsGoodRowsAndReportsEachBadOneByLineAndColumn() {
        service.addSubscriber(aka("taken", "+15559999"));
        String csv = String.join("\n",
                "impi,impu,tel,k,opc,amf,sqn,password,ifc_templates",
                "a1" + D + ",sip:a1" + D + ",tel:+15550001," + K + "," + OPC + ",,32,,mmtel-orig;mmtel-term",
                "a2" + D + ",sip:a2" + D + ",,12zz," + OPC + ",,,,",
                "a3" + D + ",,,,,,,pw,",
                "",
                "a4" + D + ",sip:a4" + D + ",,,,,,\"pa,ss\"\"word\",",
                "a5" + D + ",sip:a1" + D + ",,,,,,pw,",
                "taken" + D + ",sip:new" + D + ",,,,,,pw,",
                "a6" + D + ",sip:a6" + D + ",,,,,x,pw,",
                "a7" + D + ",sip:a7" + D + ",too,few",
                "a8" + D + ",sip:a8" + D + ",,,,,,\"unclosed,",
                "a9" + D + ",sip:a9" + D + ",tel:+15559999,,,,,pw,",
                "a10" + D + ",sip:a10" + D + ",,,,,,pw,nope");

        ImportResult result = service.importCsv(new StringReader(csv), 3);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(9);
        assertThat(result.errors()).extracting(ImportError::line, ImportError::field).containsExactly(
                tuple(3, "k"),
                tuple(4, "impu"),
                tuple(7, "impu"),
                // found when the batch of lines 2, 6 and 8 is stored
                tuple(8, "impi"),
                tuple(9, "sqn"),
                tuple(10, ""),
                tuple(11, ""),
                tuple(13, "ifc_templates"),
                // found when the last batch (line 12) is stored
                tuple(12, "tel"));
        assertThat(result.errors().get(2).message()).contains("earlier line");
        assertThat(store.identities().isAssociated(new Impi("a1" + D), new Impu("tel:+15550001"))).isTrue();
        assertThat(store.authenticationCentre().credentials(new Impi("a1" + D)).orElseThrow().sqn()).isEqualTo(32);
        assertThat(store.identities().publicIdentity(new Impu("sip:a1" + D)).orElseThrow().serviceProfile())
                .isEqualTo("mmtel-orig+mmtel-term");
        assertThat(store.authenticationCentre().credentials(new Impi("a4" + D)).orElseThrow().digest())
                .contains(new DigestSecret.Password("pa,ss\"word"));
        assertThat(store.identities().privateIdentity(new Impi("a9" + D))).isEmpty();
    }

    @Test
    void refusesABadHeader() {
        assertRefused(() -> service.importCsv(new StringReader("")), INVALID, "header");
        assertRefused(() -> service.importCsv(new StringReader("impi,impu,colour\n")), INVALID, "header");
        assertRefused(() -> service.importCsv(new StringReader("impi,password\n")), INVALID, "header");
        assertRefused(() -> service.importCsv(new StringReader("impi,impu,IMPI\n")), INVALID, "header");
    }

    @Test
    void acceptsAnyColumnOrderAByteOrderMarkAndQuotedHeaders() {
        String csv = "\uFEFF\"password\",impu,subscription,impi\r\nsecret,sip:b1" + D + ",grp-1,b1" + D + "\r\n";

        ImportResult result = service.importCsv(new StringReader(csv));

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(1);
        assertThat(service.showSubscriber("grp-1").privateIdentities()).extracting(r -> r.impi().value())
                .containsExactly(impi("b1"));
    }
}
