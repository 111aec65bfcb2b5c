package io.osprey.server.config;

/**
 * The whole of {@code osprey.yaml}. Every key is optional: a missing section takes its defaults, which derive
 * from the home domain where they can.
 *
 * @param homeDomain the IMS home network domain (TS 23.003 §13.2), default for test PLMN 001/01
 * @param sip        SIP stack settings shared by every SIP function
 * @param proxy      the plain stateful proxy role ({@code osprey run proxy})
 * @param overload   load shedding
 * @param admin      the admin HTTP API
 * @param hss        the HSS role's Diameter listener
 * @param store      the subscriber store the admin API provisions
 * @param pcscf      the P-CSCF role
 * @param icscf      the I-CSCF role
 * @param scscf      the S-CSCF role
 */
public record OspreyConfig(String homeDomain, SipConfig sip, ProxyConfig proxy, OverloadConfig overload,
                           AdminConfig admin, StoreConfig store, HssConfig hss, PcscfConfig pcscf,
                           IcscfConfig icscf, ScscfConfig scscf) {

    public static final String DEFAULT_HOME_DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";

    public OspreyConfig {
        homeDomain = homeDomain == null ? DEFAULT_HOME_DOMAIN : ConfigChecks.hostname("home-domain", homeDomain);
        sip = sip == null ? SipConfig.defaults() : sip;
        proxy = proxy == null ? ProxyConfig.defaults() : proxy;
        overload = overload == null ? OverloadConfig.defaults() : overload;
        admin = admin == null ? AdminConfig.defaults() : admin;
        hss = hss == null ? HssConfig.defaults() : hss;
        store = store == null ? StoreConfig.defaults() : store;
        pcscf = pcscf == null ? PcscfConfig.defaults() : pcscf;
        icscf = icscf == null ? IcscfConfig.defaults() : icscf;
        scscf = scscf == null ? ScscfConfig.defaults() : scscf;
    }

    public static OspreyConfig defaults() {
        return new OspreyConfig(null, null, null, null, null, null, null, null, null, null);
    }
}
