package io.osprey.server.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of docs/architecture.md: lower modules never import higher ones, and the protocol modules
 * (SIP, Diameter, AKA) know nothing of each other or of IMS roles. The server module depends on every module, so its
 * test class path sees them all.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importOsprey() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.osprey");
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true) // a module may not have code yet
                .layer("common").definedBy("io.osprey.common..")
                .layer("sip").definedBy("io.osprey.sip..")
                .layer("diameter").definedBy("io.osprey.diameter..")
                .layer("aka").definedBy("io.osprey.aka..")
                .layer("media").definedBy("io.osprey.media..")
                .layer("hss").definedBy("io.osprey.hss..")
                .layer("cscf").definedBy("io.osprey.cscf..")
                .layer("ue").definedBy("io.osprey.ue..")
                .layer("server").definedBy("io.osprey.server..")
                .whereLayer("server").mayNotBeAccessedByAnyLayer()
                .whereLayer("ue").mayOnlyBeAccessedByLayers("server")
                .whereLayer("cscf").mayOnlyBeAccessedByLayers("server")
                .whereLayer("sip").mayOnlyBeAccessedByLayers("cscf", "ue", "server")
                .whereLayer("diameter").mayOnlyBeAccessedByLayers("hss", "cscf", "server")
                .whereLayer("aka").mayOnlyBeAccessedByLayers("hss", "cscf", "ue", "server")
                .whereLayer("media").mayOnlyBeAccessedByLayers("ue", "server")
                .whereLayer("hss").mayOnlyBeAccessedByLayers("cscf", "server")
                .whereLayer("common").mayOnlyBeAccessedByLayers("sip", "diameter", "aka", "media", "hss", "cscf", "ue",
                        "server")
                .check(classes);
    }

    @Test
    void cscfsReachTheHssOnlyThroughCxNotItsStore() {
        // The CSCFs read the HSS's subscription model and XML (what SAA and PPR carry) and talk to the HSS over Cx
        // only, so the all-in-one and a split deployment behave alike (docs/decisions/0009).
        noClasses().that().resideInAPackage("io.osprey.cscf..")
                .should().dependOnClassesThat().resideInAnyPackage("io.osprey.hss.store..", "io.osprey.hss.cx..",
                        "io.osprey.hss.sh..", "io.osprey.hss.provisioning..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void protocolCodeDoesNotReachForTheNetworkLayerOutsideItsTransports() {
        // Codecs take bytes and return messages (Netty buffers are fine); only transports touch channels and sockets.
        noClasses().that().resideInAnyPackage("io.osprey.sip.message..", "io.osprey.sip.uri..", "io.osprey.sip.sdp..",
                        "io.osprey.sip.auth..", "io.osprey.aka..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "java.nio.channels..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
