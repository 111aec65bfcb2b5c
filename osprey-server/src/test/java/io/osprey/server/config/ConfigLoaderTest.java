package io.osprey.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void missingFileAndEmptyFileGiveTheDefaults(@TempDir Path dir) {
        OspreyConfig config = loader.load(dir.resolve("osprey.yaml"));
        assertThat(config.homeDomain()).isEqualTo("ims.mnc001.mcc001.3gppnetwork.org");
        assertThat(config.sip().t1()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.sip().t2()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.proxy().port()).isEqualTo(5060);
        assertThat(config.proxy().recordRoute()).isTrue();
        assertThat(loader.parse("  \n")).isEqualTo(config);
    }

    @Test
    void readsKebabCaseKeysDurationsAndRoutes() {
        OspreyConfig config = loader.parse("""
                home-domain: ims.example.org
                sip:
                  t1: 250ms
                  t2: 2s
                  lane-queue: 1000
                proxy:
                  port: 5070
                  record-route: false
                  routes:
                    - match: "+44"
                      to: sip:127.0.0.1:5080;transport=tcp
                    - match: "*"
                      to: 127.0.0.1:5090
                overload:
                  reject-above: 0.5
                  retry-after: 1m
                  max-pending-decisions: 64
                  max-queue-delay: 20ms
                """);
        assertThat(config.homeDomain()).isEqualTo("ims.example.org");
        assertThat(config.sip().t1()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.sip().laneQueue()).isEqualTo(1000);
        assertThat(config.proxy().port()).isEqualTo(5070);
        assertThat(config.proxy().recordRoute()).isFalse();
        assertThat(config.proxy().routes()).containsExactly(
                new RouteConfig("+44", "sip:127.0.0.1:5080;transport=tcp"), new RouteConfig("*", "127.0.0.1:5090"));
        assertThat(config.overload().retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.overload().maxPendingDecisions()).isEqualTo(64);
        assertThat(config.overload().maxOutstandingCx()).as("default").isEqualTo(1024);
        assertThat(config.overload().maxQueueDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(OverloadConfig.defaults().maxQueueDelay()).as("default").isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndTheKnownKeys() {
        assertThatThrownBy(() -> loader.parse("proxy:\n  prot: 5060\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("proxy.prot: is not a known key; expected one of: ")
                .hasMessageContaining("port")
                .hasMessageContaining("routes");
        assertThatThrownBy(() -> loader.parse("proxy:\n  routes:\n    - match: '*'\n      too: x\n"))
                .hasMessageStartingWith("proxy.routes[0].too: is not a known key");
    }

    @Test
    void wrongTypesNameTheKeyAndTheExpectedForm() {
        assertThatThrownBy(() -> loader.parse("proxy:\n  port: fifty\n"))
                .hasMessage("proxy.port: 'fifty' is not valid; expected a whole number");
        assertThatThrownBy(() -> loader.parse("sip:\n  t1: soon\n"))
                .hasMessageStartingWith("sip.t1: 'soon' is not valid; expected a duration such as 500ms");
        assertThatThrownBy(() -> loader.parse("proxy: 5\n"))
                .hasMessageStartingWith("proxy: ");
    }

    @Test
    void outOfRangeValuesNameTheKeyAndTheRange() {
        assertThatThrownBy(() -> loader.parse("proxy:\n  port: 70000\n"))
                .hasMessage("proxy.port: 70000 is out of range; expected 1..65535");
        assertThatThrownBy(() -> loader.parse("sip:\n  t1: 5s\n  t2: 1s\n"))
                .hasMessageStartingWith("sip.t2: ")
                .hasMessageContaining("RFC 3261 requires T2 >= T1");
        assertThatThrownBy(() -> loader.parse("overload:\n  reject-above: 1.5\n"))
                .hasMessageStartingWith("overload.reject-above: 1.5 is out of range");
        assertThatThrownBy(() -> loader.parse("hss:\n  max-outstanding-requests: 0\n"))
                .hasMessageStartingWith("hss.max-outstanding-requests: 0 is out of range");
        assertThatThrownBy(() -> loader.parse("overload:\n  max-outstanding-cx: 0\n"))
                .hasMessageStartingWith("overload.max-outstanding-cx: 0 is out of range");
        assertThatThrownBy(() -> new OverloadConfig(null, null, null, null, Duration.ofMillis(-1)))
                .hasMessageStartingWith("max-queue-delay: ")
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> loader.parse("proxy:\n  routes:\n    - match: '*'\n"))
                .hasMessageStartingWith("proxy.routes[0].to: is missing");
        assertThatThrownBy(() -> loader.parse("home-domain: 'ims example'\n"))
                .hasMessageStartingWith("home-domain: 'ims example' is not a host name");
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThatThrownBy(() -> loader.parse("proxy:\n  port: [\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line");
    }

    @Test
    void storeSectionDefaultsToTheEmbeddedSqliteFileAndNamesBadKeys() {
        assertThat(loader.parse("").store().url()).isEqualTo("sqlite:./data/osprey.db");
        StoreConfig store = loader.parse("""
                store:
                  url: jdbc:postgresql://db.example.org:5432/osprey
                  user: osprey
                  password: hunter2-secret
                  pool-size: 20
                """).store();
        assertThat(store.toStoreConfig().user()).hasValue("osprey");
        assertThat(store.toStoreConfig().poolSize()).isEqualTo(20);
        assertThat(store.toString()).doesNotContain("hunter2-secret");
        assertThatThrownBy(() -> loader.parse("store:\n  url: mysql://db/osprey\n"))
                .hasMessageStartingWith("store.url: store url must start with sqlite:");
        assertThatThrownBy(() -> loader.parse("store:\n  pool-size: 500\n"))
                .hasMessage("store.pool-size: 500 is out of range; expected 0..200");
        assertThatThrownBy(() -> loader.parse("store:\n  secret-key: nope\n"))
                .hasMessageStartingWith("store.secret-key: ");
    }

    @Test
    void storeCacheTtlDefaultsToFiveSecondsAndMayBeTurnedOff() {
        assertThat(loader.parse("").store().toStoreConfig().cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(loader.parse("store:\n  cache-ttl: 0s\n").store().toStoreConfig().cacheTtl()).isZero();
        assertThat(loader.parse("store:\n  cache-ttl: 30s\n").store().toStoreConfig().cacheTtl())
                .isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> loader.parse("store:\n  cache-ttl: 2h\n"))
                .hasMessage("store.cache-ttl: 7200000ms is out of range; expected 0s to 1h");
    }
}
