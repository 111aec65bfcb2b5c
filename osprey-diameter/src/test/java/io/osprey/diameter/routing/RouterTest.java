package io.osprey.diameter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerFixtures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Request routing of RFC 6733 §6.1 against a table of open and closed peers. */
class RouterTest {

    private static final String HOME = "ims.test";
    private static final String VISITED = "visited.test";
    private static final long CX = CxDictionary.APPLICATION.id();
    private static final LocalIdentity SCSCF = LocalIdentity.of("scscf.ims.test", HOME, PeerFixtures.EPOCH);

    private final List<Peer> known = new ArrayList<>();
    private final PeerDirectory directory = new PeerDirectory() {
        @Override
        public Peer peer(String host) {
            return known.stream().filter(p -> p.host().equalsIgnoreCase(host)).findFirst().orElse(null);
        }

        @Override
        public Collection<Peer> peers() {
            return known;
        }
    };

    private Peer open(String host, String realm, DiameterApplication... apps) {
        Peer peer = PeerFixtures.openPeer(host, realm, apps);
        assertThat(peer.isAvailable()).isTrue();
        known.add(peer);
        return peer;
    }

    private Peer closed(String host, String realm) {
        Peer peer = PeerFixtures.closedPeer(host, realm);
        known.add(peer);
        return peer;
    }

    /** This node serves Rx only; {@code routes} form its table. */
    private Router router(RealmRoute... routes) {
        return new Router("dra.ims.test", HOME, app -> app == RxDictionary.APPLICATION.id(),
                new RoutingTable(List.of(routes)), directory);
    }

    private static DiameterMessage uar(Consumer<RequestBuilder> destination) {
        RequestBuilder builder = DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, SCSCF)
                .add(BaseDictionary.USER_NAME, "alice").add(CxDictionary.PUBLIC_IDENTITY, "sip:alice@ims.test")
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, HOME);
        destination.accept(builder);
        return builder.build();
    }

    private static void assertForward(RouteDecision decision, Peer peer) {
        assertThat(decision).isInstanceOf(RouteDecision.Forward.class);
        assertThat(((RouteDecision.Forward) decision).peer()).isSameAs(peer);
    }

    private static void assertReject(RouteDecision decision, ResultCode code) {
        assertThat(decision).isInstanceOf(RouteDecision.Reject.class);
        assertThat(((RouteDecision.Reject) decision).resultCode()).isEqualTo(code);
    }

    @Test
    void requestForThisHostOrForAServedApplicationOfThisRealmIsLocal() {
        Peer from = open("icscf.ims.test", HOME, CxDictionary.APPLICATION);
        assertThat(router().routeReceived(uar(b -> b.destinationHost("DRA.ims.test").destinationRealm(VISITED)), from))
                .isInstanceOf(RouteDecision.Local.class);
        DiameterMessage aar = DiameterMessage.request(RxDictionary.AA, SCSCF).destinationRealm(HOME).build();
        assertThat(router().routeReceived(aar, from)).isInstanceOf(RouteDecision.Local.class);
        // an unserved application of this realm without a route stays local, to be answered 3007
        assertThat(router().routeReceived(uar(b -> b.destinationRealm(HOME)), from)).isInstanceOf(RouteDecision.Local.class);
    }

    @Test
    void realmRouteForwardsToTheFirstAvailablePeerSupportingTheApplication() {
        Peer from = open("icscf.ims.test", HOME, CxDictionary.APPLICATION);
        closed("hss1.visited.test", VISITED);
        open("pcrf.visited.test", VISITED, RxDictionary.APPLICATION);
        Peer hss2 = open("hss2.visited.test", VISITED, CxDictionary.APPLICATION);
        Router router = router(RealmRoute.relay(VISITED, "hss1.visited.test", "pcrf.visited.test", "hss2.visited.test"));

        assertForward(router.routeReceived(uar(b -> b.destinationRealm(VISITED)), from), hss2);
        assertReject(router.routeOutgoing(uar(b -> b.destinationRealm(VISITED)), peer -> peer == hss2),
                ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void peersOfTheDestinationRealmServeWithoutAnExplicitRoute() {
        Peer hss = open("hss.visited.test", VISITED.toUpperCase(Locale.ROOT), CxDictionary.APPLICATION);
        assertForward(router().routeOutgoing(uar(b -> b.destinationRealm(VISITED)), peer -> false), hss);
        assertReject(router().routeOutgoing(uar(b -> b.destinationRealm(VISITED)), peer -> peer == hss),
                ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
        assertReject(router().routeOutgoing(uar(b -> b.destinationRealm("nowhere.test")), peer -> false),
                ResultCodes.DIAMETER_REALM_NOT_SERVED);
    }

    @Test
    void destinationHostThatIsAnAvailablePeerWinsOverTheRealmRoute() {
        Peer hss1 = open("hss1.visited.test", VISITED, CxDictionary.APPLICATION);
        Peer hss2 = open("hss2.visited.test", VISITED, CxDictionary.APPLICATION);
        Router router = router(RealmRoute.relay(VISITED, "hss1.visited.test"));

        assertForward(router.routeOutgoing(uar(b -> b.destinationHost("hss2.visited.test").destinationRealm(VISITED)),
                peer -> false), hss2);
        // a Destination-Host that is no peer falls back to the realm
        assertForward(router.routeOutgoing(uar(b -> b.destinationHost("hss9.visited.test").destinationRealm(VISITED)),
                peer -> false), hss1);
        DiameterMessage withRealm = uar(b -> b.destinationHost("hss9.visited.test").destinationRealm(VISITED));
        DiameterMessage hostOnly = withRealm.withAvps(withRealm.avps().stream()
                .filter(avp -> !avp.is(BaseDictionary.DESTINATION_REALM)).toList());
        assertReject(router.routeOutgoing(hostOnly, peer -> false), ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void aDestinationHostThatIsNoPeerIsNotHandedToAnotherPeerOfTheRealmNorTakenHere() {
        Peer scscf2 = open("scscf2.ims.test", HOME, CxDictionary.APPLICATION);
        Router hss = new Router("hss.ims.test", HOME, app -> app == CX, RoutingTable.empty(), directory);

        // an RTR for the S-CSCF that stopped must not reach the S-CSCF that took its users over
        assertReject(hss.routeOutgoing(uar(b -> b.destinationHost("scscf.ims.test").destinationRealm(HOME)),
                peer -> false), ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
        assertForward(hss.routeOutgoing(uar(b -> b.destinationRealm(HOME)), peer -> false), scscf2);
    }

    @Test
    void ownIdentityInRouteRecordIsALoop() {
        Peer from = open("icscf.ims.test", HOME, CxDictionary.APPLICATION);
        open("hss.visited.test", VISITED, CxDictionary.APPLICATION);
        DiameterMessage looped = uar(b -> b.destinationRealm(VISITED).add(BaseDictionary.ROUTE_RECORD, "dra.IMS.test"));
        assertReject(router().routeReceived(looped, from), ResultCodes.DIAMETER_LOOP_DETECTED);
    }

    @Test
    void requestIsNeverSentBackToThePeerItCameFrom() {
        Peer from = open("hss.visited.test", VISITED, CxDictionary.APPLICATION);
        assertReject(router().routeReceived(uar(b -> b.destinationRealm(VISITED)), from),
                ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void nonProxiableRequestForAnotherRealmCannotBeForwarded() {
        Peer from = open("icscf.ims.test", HOME, CxDictionary.APPLICATION);
        open("hss.visited.test", VISITED, CxDictionary.APPLICATION);
        DiameterMessage proxiable = uar(b -> b.destinationRealm(VISITED));
        DiameterMessage notProxiable = DiameterMessage.of(DiameterMessage.FLAG_REQUEST, proxiable.commandCode(),
                proxiable.applicationId(), proxiable.hopByHopId(), proxiable.endToEndId(), proxiable.avps());
        assertReject(router().routeReceived(notProxiable, from), ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void localAndDefaultRoutes() {
        Peer gateway = open("gw.ims.test", HOME, RxDictionary.APPLICATION, CxDictionary.APPLICATION);
        Router router = router(RealmRoute.local(VISITED, CX),
                new RealmRoute(RoutingTable.ANY_REALM, RoutingTable.ANY_APPLICATION, RouteAction.PROXY,
                        List.of("gw.ims.test")));
        assertThat(router.routeOutgoing(uar(b -> b.destinationRealm(VISITED)), peer -> false))
                .isInstanceOf(RouteDecision.Local.class);
        assertForward(router.routeOutgoing(uar(b -> b.destinationRealm("elsewhere.test")), peer -> false), gateway);
    }

    @Test
    void tableLookupPrefersExactRealmAndApplication() {
        RealmRoute any = RealmRoute.relay(VISITED, "a.test");
        RealmRoute cx = new RealmRoute(VISITED, CX, RouteAction.RELAY, List.of("b.test"));
        RealmRoute fallback = RealmRoute.relay(RoutingTable.ANY_REALM, "c.test");
        RoutingTable table = new RoutingTable(List.of(any, cx, fallback));

        assertThat(table.lookup("VISITED.test", CX)).contains(cx);
        assertThat(table.lookup(VISITED, 4)).contains(any);
        assertThat(table.lookup("other.test", CX)).contains(fallback);
        assertThat(RoutingTable.empty().lookup(VISITED, CX)).isEmpty();
    }
}
