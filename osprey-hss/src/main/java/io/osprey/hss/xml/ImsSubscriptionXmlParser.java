package io.osprey.hss.xml;

import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the IMSSubscription user profile document (TS 29.228 Annex D/E, CxDataType) into the model with the
 * JDK's StAX parser. Refuses DTDs and entity references (no XXE), enforces {@link XmlLimits}, and checks each
 * element's children against the schema's sequence order. Elements in other namespaces (xs:any ##other) and
 * the content of generic Extension elements are skipped. Thread-safe: StAX factories are not documented as
 * such, so only reader creation is serialised; parsing runs unlocked.
 */
public final class ImsSubscriptionXmlParser {

    private static final ElementSequence ROOT = ElementSequence.of("PrivateID", "ServiceProfile+", "Extension?");
    private static final ElementSequence PROFILE = ElementSequence.of("PublicIdentity+",
            "CoreNetworkServicesAuthorization?", "InitialFilterCriteria*", "Extension?");
    private static final ElementSequence PROFILE_EXTENSION = ElementSequence.of("SharedIFCSetID*", "Extension?");
    private static final ElementSequence AUTHORIZATION = ElementSequence.of("SubscribedMediaProfileId?", "Extension?");
    private static final ElementSequence IDENTITY = ElementSequence.of("BarringIndication?", "Identity", "Extension?");
    private static final ElementSequence IDENTITY_EXTENSION = ElementSequence.of(
            "IdentityType?", "WildcardedPSI?", "Extension?");
    private static final ElementSequence IDENTITY_EXTENSION_2 = ElementSequence.of(
            "DisplayName?", "AliasIdentityGroupID?", "Extension?");

    private final XmlLimits limits;
    private final XMLInputFactory factory;

    public ImsSubscriptionXmlParser() {
        this(XmlLimits.DEFAULT);
    }

    public ImsSubscriptionXmlParser(XmlLimits limits) {
        this.limits = limits;
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    /**
     * Parses the octets of a User-Data AVP, which must be UTF-8. They are decoded here rather than by the StAX
     * parser, whose decoder prints every malformed sequence to standard error.
     */
    public ImsSubscription parse(byte[] document) {
        if (document.length > limits.maxDocumentSize()) {
            throw new ImsSubscriptionXmlException("", "document is " + document.length
                    + " octets, limit " + limits.maxDocumentSize());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(document);
        CharBuffer out = CharBuffer.allocate(document.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ImsSubscriptionXmlException("", "document is not valid UTF-8 at octet " + in.position());
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == '\uFEFF') {
            out.position(1);
        }
        return parse(out.toString());
    }

    /** Parses a document held as text. */
    public ImsSubscription parse(String document) {
        return parseRoot(readerFor(document));
    }

    /** Parses one {@code <InitialFilterCriteria>} element on its own, as written by the writer. */
    public InitialFilterCriteria parseFilterCriteria(String element) {
        XmlCursor cursor = new XmlCursor(readerFor(element), limits);
        String root = cursor.enterRoot();
        if (!root.equals("InitialFilterCriteria")) {
            throw cursor.error("expected InitialFilterCriteria");
        }
        return FilterCriteriaXmlParser.parse(cursor);
    }

    private XMLStreamReader readerFor(String document) {
        if (document.length() > limits.maxDocumentSize()) {
            throw new ImsSubscriptionXmlException("", "document is " + document.length()
                    + " characters, limit " + limits.maxDocumentSize());
        }
        try {
            synchronized (factory) {
                return factory.createXMLStreamReader(new StringReader(document));
            }
        } catch (XMLStreamException e) {
            throw new ImsSubscriptionXmlException("", "not well-formed XML: " + e.getMessage(), e);
        }
    }

    private ImsSubscription parseRoot(XMLStreamReader reader) {
        XmlCursor cursor = new XmlCursor(reader, limits);
        if (!cursor.enterRoot().equals("IMSSubscription") || cursor.namespaced()) {
            throw cursor.error("the root element must be IMSSubscription without a namespace");
        }
        ElementSequence.State order = ROOT.start();
        String privateId = null;
        List<ServiceProfile> profiles = new ArrayList<>();
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> privateId = cursor.text().trim();
                case 1 -> profiles.add(serviceProfile(cursor));
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "IMSSubscription");
        try {
            return new ImsSubscription(new Impi(privateId), profiles);
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static ServiceProfile serviceProfile(XmlCursor cursor) {
        ElementSequence.State order = PROFILE.start();
        List<PublicIdentity> identities = new ArrayList<>();
        Integer mediaProfile = null;
        List<InitialFilterCriteria> criteria = new ArrayList<>();
        List<Integer> sharedSets = new ArrayList<>();
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> identities.add(publicIdentity(cursor));
                case 1 -> mediaProfile = mediaProfile(cursor);
                case 2 -> criteria.add(FilterCriteriaXmlParser.parse(cursor));
                case 3 -> sharedSets(cursor, sharedSets);
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "ServiceProfile");
        try {
            return new ServiceProfile(identities, Optional.ofNullable(mediaProfile), criteria, sharedSets);
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static Integer mediaProfile(XmlCursor cursor) {
        ElementSequence.State order = AUTHORIZATION.start();
        Integer id = null;
        while (cursor.nextChild()) {
            if (order.accept(cursor) == 0) {
                id = cursor.nonNegativeInt();
            } else {
                cursor.skip();
            }
        }
        return id;
    }

    private static void sharedSets(XmlCursor cursor, List<Integer> ids) {
        ElementSequence.State order = PROFILE_EXTENSION.start();
        while (cursor.nextChild()) {
            if (order.accept(cursor) == 0) {
                ids.add(cursor.nonNegativeInt());
            } else {
                cursor.skip();
            }
        }
    }

    private static PublicIdentity publicIdentity(XmlCursor cursor) {
        ElementSequence.State order = IDENTITY.start();
        boolean barred = false;
        String identity = null;
        IdentityFields extension = new IdentityFields();
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> barred = cursor.bool();
                case 1 -> identity = cursor.text().trim();
                case 2 -> identityExtension(cursor, extension);
                default -> cursor.skip();
            }
        }
        order.finish(cursor, "PublicIdentity");
        try {
            return new PublicIdentity(new Impu(identity), barred, extension.type,
                    Optional.ofNullable(extension.wildcardedPsi), Optional.ofNullable(extension.displayName),
                    Optional.ofNullable(extension.aliasGroupId));
        } catch (InvalidValueException e) {
            throw cursor.invalid(e);
        }
    }

    private static void identityExtension(XmlCursor cursor, IdentityFields fields) {
        ElementSequence.State order = IDENTITY_EXTENSION.start();
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> fields.type = FilterCriteriaXmlParser.code(cursor,
                        c -> IdentityType.fromCode("IdentityType", c));
                case 1 -> fields.wildcardedPsi = cursor.text().trim();
                case 2 -> identityExtension2(cursor, fields);
                default -> cursor.skip();
            }
        }
    }

    private static void identityExtension2(XmlCursor cursor, IdentityFields fields) {
        ElementSequence.State order = IDENTITY_EXTENSION_2.start();
        while (cursor.nextChild()) {
            switch (order.accept(cursor)) {
                case 0 -> fields.displayName = cursor.text();
                case 1 -> fields.aliasGroupId = cursor.text();
                default -> cursor.skip();
            }
        }
    }

    /** The PublicIdentity extension values while they are read. */
    private static final class IdentityFields {
        IdentityType type = IdentityType.PUBLIC_USER_IDENTITY;
        String wildcardedPsi;
        String displayName;
        String aliasGroupId;
    }
}
