package io.osprey.hss;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.hss.cx.CxServerConfig;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.IdentityRepository;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HSS node serves a bounded number of requests at once: with the store held, requests past the bound are
 * answered DIAMETER_TOO_BUSY (RFC 6733 §7.1.3, 'E' bit set) at once, and once the store is released the held
 * requests are answered and new ones served again.
 */
class HssAdmissionControlTest {

    static final String DOMAIN = "ims.test";
    static final int BOUND = 3;

    @TempDir
    Path directory;

    @Test
    void requestsPastTheBoundAreTooBusyUntilTheHeldOnesAreAnswered() throws Exception {
        try (SubscriberStore real = SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("h.db")))) {
            new ProvisioningService(real, DOMAIN).addSubscriber(NewSubscriber.of("alice@" + DOMAIN,
                    "sip:alice@" + DOMAIN).withPassword("pw"));
            Gate gate = new Gate();
            try (HssDiameterServer hss = HssDiameterServer.start(CxServerConfig.defaults(DOMAIN),
                    new InetSocketAddress("127.0.0.1", 0), gated(real, gate), BOUND);
                 Client client = new Client(hss.port())) {
                gate.close();
                List<CompletableFuture<DiameterMessage>> held = new ArrayList<>();
                for (int i = 0; i < BOUND; i++) {
                    held.add(client.node.send(client.lir("sip:alice@" + DOMAIN)));
                }
                assertThat(gate.arrived.tryAcquire(BOUND, 10, TimeUnit.SECONDS)).as("held in the store").isTrue();
                assertThat(hss.outstandingRequests()).isEqualTo(BOUND);

                DiameterMessage busy = client.send(client.lir("sip:alice@" + DOMAIN));
                assertThat(busy.result()).contains(ResultCodes.DIAMETER_TOO_BUSY);
                assertThat(busy.flags() & DiameterMessage.FLAG_ERROR).as("E bit").isNotZero();
                DiameterMessage busySh = client.send(client.udr("sip:alice@" + DOMAIN));
                assertThat(busySh.result()).as("Sh shares the bound").contains(ResultCodes.DIAMETER_TOO_BUSY);
                assertThat(hss.refusedRequests()).isEqualTo(2);
                assertThat(held).noneMatch(CompletableFuture::isDone);

                gate.open();
                for (CompletableFuture<DiameterMessage> answer : held) {
                    assertThat(answer.get(10, TimeUnit.SECONDS).result())
                            .contains(CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
                }
                assertThat(client.send(client.lir("sip:alice@" + DOMAIN)).result())
                        .contains(CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED);
                assertThat(hss.outstandingRequests()).isZero();
            }
        }
    }

    /** Holds every public identity lookup while closed. */
    static final class Gate {
        final Semaphore arrived = new Semaphore(0);
        private volatile CountDownLatch latch = new CountDownLatch(0);

        void close() {
            latch = new CountDownLatch(1);
        }

        void open() {
            latch.countDown();
        }

        void pass() {
            CountDownLatch current = latch;
            if (current.getCount() > 0) {
                arrived.release();
                try {
                    current.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * {@code store} whose identity lookups wait at {@code gate} where store work runs: on virtual threads. The HSS
     * first tries a request on its event loop from memory alone (decision 0017); there the real store answers or
     * stops at once, as a slow database would not be reached.
     */
    static SubscriberStore gated(SubscriberStore store, Gate gate) {
        IdentityRepository identities = proxy(IdentityRepository.class, (p, method, args) -> {
            if (method.getName().equals("findPublicIdentity") && Thread.currentThread().isVirtual()) {
                gate.pass();
            }
            return invoke(store.identities(), method, args);
        });
        return proxy(SubscriberStore.class, (p, method, args) -> method.getName().equals("identities")
                ? identities : invoke(store, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** An I-CSCF/AS side node speaking Cx and Sh to the HSS. */
    static final class Client implements AutoCloseable {
        final DiameterNode node;

        Client(int hssPort) throws InterruptedException {
            node = new DiameterNode(DiameterNodeConfig.builder("icscf." + DOMAIN, DOMAIN)
                    .application(CxDictionary.APPLICATION).application(ShDictionary.APPLICATION)
                    .requestTimeout(Duration.ofSeconds(10))
                    .peer(new PeerConfig("hss." + DOMAIN, DOMAIN, "127.0.0.1", hssPort)).build());
            node.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!node.peer("hss." + DOMAIN).map(p -> p.state().isOpen()).orElse(false)) {
                assertThat(System.nanoTime()).as("connected to the HSS in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        DiameterMessage lir(String impu) {
            return DiameterMessage.request(CxDictionary.LOCATION_INFO, node.identity()).destinationRealm(DOMAIN)
                    .add(CxDictionary.PUBLIC_IDENTITY, impu).build();
        }

        DiameterMessage udr(String impu) {
            return DiameterMessage.request(ShDictionary.USER_DATA_COMMAND, node.identity()).destinationRealm(DOMAIN)
                    .destinationHost("hss." + DOMAIN)
                    .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu))
                    .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE).build();
        }

        DiameterMessage send(DiameterMessage request) throws Exception {
            return node.send(request).get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            node.close();
        }
    }
}
