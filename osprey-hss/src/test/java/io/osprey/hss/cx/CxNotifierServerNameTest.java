package io.osprey.hss.cx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CxNotifierServerNameTest {

    @Test
    void anRtrGoesToTheHostOfTheServerName() {
        assertThat(CxNotifier.diameterHostOf("sip:scscf.ims.test:6060")).isEqualTo("scscf.ims.test");
        assertThat(CxNotifier.diameterHostOf("sip:scscf.ims.test;transport=tcp")).isEqualTo("scscf.ims.test");
        assertThat(CxNotifier.diameterHostOf("sips:scscf2.ims.test")).isEqualTo("scscf2.ims.test");
        assertThat(CxNotifier.diameterHostOf("scscf.ims.test")).as("a bare host name").isEqualTo("scscf.ims.test");
    }
}
