package io.osprey.cscf.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.cscf.numbers.NormalizedNumber.Global;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefixRouteTableTest {

    private static final String UK = "sip:uk-gw.example.net;transport=tcp";
    private static final String LONDON = "sip:london-gw.example.net:5080;transport=tcp";
    private static final String US = "sip:trunk.example.net:5080;transport=tcp";

    private final PrefixRouteTable table = PrefixRouteTable.of(Map.of("+44", UK, "4420", LONDON, "+1", US));

    @Test
    void longestPrefixWins() {
        assertThat(table.route("+442079460018")).contains(LONDON);
        assertThat(table.route("+441614960000")).contains(UK);
        assertThat(table.route("15551230001")).contains(US);
        assertThat(table.route(new Global("+4420"))).contains(LONDON);
        assertThat(table.route("+44")).contains(UK);
        assertThat(table.route("+4")).isEmpty();
    }

    @Test
    void noMatchWithoutADefaultRoute() {
        assertThat(table.route("+33123456789")).isEmpty();
        assertThat(table.route("+")).isEmpty();
    }

    @Test
    void emptyPrefixIsTheDefaultRoute() {
        PrefixRouteTable withDefault = PrefixRouteTable.of(Map.of("+", "sip:default.example.net", "+49", "sip:de"));

        assertThat(withDefault.route("+33123456789")).contains("sip:default.example.net");
        assertThat(withDefault.route("+4930")).contains("sip:de");
        assertThat(withDefault.route("")).contains("sip:default.example.net");
        assertThat(PrefixRouteTable.of(Map.of("", "sip:only")).route("+1")).contains("sip:only");
    }

    @Test
    void numbersThatAreNotDigitsMatchNothing() {
        PrefixRouteTable withDefault = PrefixRouteTable.of(Map.of("+", "sip:default.example.net"));

        assertThat(withDefault.route("+44-20")).isEmpty();
        assertThat(withDefault.route("tel:+44")).isEmpty();
        assertThat(table.route("+4420x")).isEmpty();
    }

    @Test
    void emptyTableRoutesNothing() {
        PrefixRouteTable empty = PrefixRouteTable.of(Map.of());

        assertThat(empty.route("+15551230001")).isEmpty();
        assertThat(empty.size()).isZero();
    }

    @Test
    void isImmutableAndListsItsEntries() {
        Map<String, String> source = new HashMap<>(Map.of("+44", UK));
        PrefixRouteTable copy = PrefixRouteTable.of(source);
        source.put("+1", US);

        assertThat(copy.route("+15551230001")).isEmpty();
        assertThat(copy.entries()).containsExactly(Map.entry("+44", UK));
        assertThat(table.entries()).containsExactly(Map.entry("+1", US), Map.entry("+44", UK),
                Map.entry("+4420", LONDON));
        assertThat(table.size()).isEqualTo(3);
        assertThatThrownBy(() -> table.entries().put("+2", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void deepAndSharedPrefixes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("+123456789012345", "fifteen");
        routes.put("+12345", "five");
        routes.put("+1234", "four");
        routes.put("+12346", "sibling");
        PrefixRouteTable t = PrefixRouteTable.of(routes);

        assertThat(t.route("+123456789012345")).contains("fifteen");
        assertThat(t.route("+12345678901234")).contains("five");
        assertThat(t.route("+1234699")).contains("sibling");
        assertThat(t.route("+1234799")).contains("four");
        assertThat(t.route("+123")).isEmpty();
    }

    @Test
    void refusesBadTables() {
        assertThatThrownBy(() -> PrefixRouteTable.of(Map.of("+44", UK, "44", LONDON)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> PrefixRouteTable.of(Map.of("+4a", UK))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrefixRouteTable.of(Map.of("+1234567890123456", UK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrefixRouteTable.of(Map.of("+44", " "))).isInstanceOf(IllegalArgumentException.class);
    }
}
