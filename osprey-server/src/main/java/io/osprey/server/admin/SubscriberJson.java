package io.osprey.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.provisioning.CredentialsChange;
import io.osprey.hss.provisioning.ImportError;
import io.osprey.hss.provisioning.ImportResult;
import io.osprey.hss.provisioning.NewPrivateIdentity;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.hss.provisioning.PublicIdentityChange;
import io.osprey.hss.provisioning.SubscriberView;
import io.osprey.hss.store.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON shapes of {@code /api/v1/subscribers}: request bodies to provisioning requests (unknown fields and wrong
 * types are refused naming the field) and subscribers to response objects. Secrets (K, OP, OPc, passwords) are
 * read from requests only; no response shape has a place for them.
 */
final class SubscriberJson {

    static final Set<String> CREDENTIAL_FIELDS = Set.of("k", "op", "opc", "amf", "sqn", "password");
    private static final Set<String> NEW_SUBSCRIBER_FIELDS = Set.of("impi", "impu", "tel", "subscriptionId", "k", "op",
            "opc", "amf", "sqn", "password", "profile", "ifcTemplates");
    private static final Set<String> NEW_PRIVATE_IDENTITY_FIELDS = Set.of("impi", "k", "op", "opc", "amf", "sqn",
            "password");
    private static final Set<String> PUBLIC_IDENTITY_FIELDS = Set.of("impu", "barred", "profile", "ifcTemplates",
            "displayName", "implicitSet");
    private static final int MAX_PUBLIC_IDENTITY_CHANGES = PublicIdentityRecord.MAX_PRIVATE_IDENTITIES;

    private SubscriberJson() {
    }

    static NewSubscriber newSubscriber(JsonNode body) throws AdminException {
        onlyFields(body, NEW_SUBSCRIBER_FIELDS, "");
        return new NewSubscriber(text(body, "impi", ""), text(body, "impu", ""), text(body, "tel", ""),
                text(body, "subscriptionId", ""), text(body, "k", ""), text(body, "op", ""), text(body, "opc", ""),
                text(body, "amf", ""), number(body, "sqn", ""), text(body, "password", ""), text(body, "profile", ""),
                texts(body, "ifcTemplates", ""));
    }

    /** The body of {@code POST .../private-identities}: the IMPI and its credentials, as in a new subscriber. */
    static NewPrivateIdentity newPrivateIdentity(JsonNode body) throws AdminException {
        onlyFields(body, NEW_PRIVATE_IDENTITY_FIELDS, "");
        return new NewPrivateIdentity(text(body, "impi", ""), text(body, "k", ""), text(body, "op", ""),
                text(body, "opc", ""), text(body, "amf", ""), number(body, "sqn", ""), text(body, "password", ""));
    }

    /** The credential part of a PATCH body, or null when it has none. */
    static CredentialsChange credentialsChange(JsonNode body) throws AdminException {
        Set<String> allowed = new HashSet<>(CREDENTIAL_FIELDS);
        allowed.add("publicIdentities");
        onlyFields(body, allowed, "");
        CredentialsChange change = new CredentialsChange(text(body, "k", ""), text(body, "op", ""),
                text(body, "opc", ""), text(body, "amf", ""), number(body, "sqn", ""), text(body, "password", ""));
        return change.isEmpty() ? null : change;
    }

    /** The {@code publicIdentities} part of a PATCH body: IMPU text to its change, in body order. */
    static Map<String, PublicIdentityChange> publicIdentityChanges(JsonNode body) throws AdminException {
        JsonNode list = body.get("publicIdentities");
        Map<String, PublicIdentityChange> changes = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return changes;
        }
        if (!list.isArray() || list.size() > MAX_PUBLIC_IDENTITY_CHANGES) {
            throw new AdminException(Problem.invalid("publicIdentities", "expected a list of at most "
                    + MAX_PUBLIC_IDENTITY_CHANGES + " objects"));
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "publicIdentities[" + i + "].";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw new AdminException(Problem.invalid("publicIdentities[" + i + "]", "expected an object"));
            }
            PublicIdentityChange change = publicIdentityChange(item, at);
            String impu = item.get("impu").textValue();
            if (changes.put(impu, change) != null) {
                throw new AdminException(Problem.invalid(at + "impu", impu + " appears twice"));
            }
        }
        return changes;
    }

    /**
     * One public identity item (a PATCH {@code publicIdentities} element or a POST body): checks that the text
     * {@code impu} is there and turns the other fields into the change. Fields are reported under {@code at}.
     */
    static PublicIdentityChange publicIdentityChange(JsonNode item, String at) throws AdminException {
        onlyFields(item, PUBLIC_IDENTITY_FIELDS, at);
        String impu = text(item, "impu", at);
        if (impu == null) {
            throw new AdminException(Problem.invalid(at + "impu", "is required"));
        }
        JsonNode barred = item.get("barred");
        if (barred != null && !barred.isBoolean()) {
            throw new AdminException(Problem.invalid(at + "barred", "expected true or false"));
        }
        Long implicitSet = number(item, "implicitSet", at);
        if (implicitSet != null && (implicitSet < 0 || implicitSet > Integer.MAX_VALUE)) {
            throw new AdminException(Problem.invalid(at + "implicitSet", "must be 0 to " + Integer.MAX_VALUE
                    + ", was " + implicitSet));
        }
        return new PublicIdentityChange(barred == null ? null : barred.booleanValue(),
                text(item, "profile", at), item.has("ifcTemplates") ? texts(item, "ifcTemplates", at) : null,
                text(item, "displayName", at), implicitSet == null ? null : implicitSet.intValue());
    }

    static Map<String, Object> subscriber(SubscriberView view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subscriptionId", view.subscription().id());
        List<Object> privates = new ArrayList<>();
        for (PrivateIdentityRecord record : view.privateIdentities()) {
            privates.add(privateIdentity(record));
        }
        out.put("privateIdentities", privates);
        List<Object> publics = new ArrayList<>();
        for (PublicIdentityRecord record : view.publicIdentities()) {
            publics.add(publicIdentity(record));
        }
        out.put("publicIdentities", publics);
        return out;
    }

    /** One private identity: its schemes and whether keys and a digest secret are provisioned, never them. */
    static Map<String, Object> privateIdentity(PrivateIdentityRecord record) {
        Map<String, Object> impi = new LinkedHashMap<>();
        impi.put("impi", record.impi().value());
        impi.put("authSchemes", record.authSchemes().stream().map(AuthScheme::token).toList());
        impi.put("hasAkaKeys", record.hasAkaKeys());
        impi.put("hasDigestSecret", record.hasDigestSecret());
        impi.put("sqn", record.sqn());
        return impi;
    }

    static Map<String, Object> publicIdentity(PublicIdentityRecord record) {
        Map<String, Object> impu = new LinkedHashMap<>();
        impu.put("impu", record.impu().uri());
        impu.put("identityType", record.identityType().name());
        impu.put("serviceProfile", record.serviceProfile());
        impu.put("barred", record.barred());
        impu.put("implicitSet", record.implicitSet());
        record.displayName().ifPresent(name -> impu.put("displayName", name));
        record.aliasGroup().ifPresent(group -> impu.put("aliasGroup", group));
        impu.put("privateIdentities", record.privateIdentities().stream().map(Impi::value).toList());
        return impu;
    }

    static Map<String, Object> page(Page<SubscriberView> page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(SubscriberJson::subscriber).toList());
        out.put("offset", page.offset());
        out.put("limit", page.limit());
        out.put("total", page.total());
        out.put("hasNext", page.hasNext());
        return out;
    }

    static Map<String, Object> importResult(ImportResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imported", result.imported());
        out.put("failed", result.failed());
        List<Object> errors = new ArrayList<>();
        for (ImportError error : result.errors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line", error.line());
            item.put("field", error.field());
            item.put("message", error.message());
            errors.add(item);
        }
        out.put("errors", errors);
        return out;
    }

    static void onlyFields(JsonNode body, Set<String> allowed, String at) throws AdminException {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new AdminException(Problem.invalid(at + name, "unknown field; expected one of "
                        + new TreeSet<>(allowed)));
            }
        }
    }

    static String text(JsonNode body, String field, String at) throws AdminException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new AdminException(Problem.invalid(at + field, "expected a string"));
        }
        return node.textValue();
    }

    static Long number(JsonNode body, String field, String at) throws AdminException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new AdminException(Problem.invalid(at + field, "expected a whole number"));
        }
        return node.longValue();
    }

    static List<String> texts(JsonNode body, String field, String at) throws AdminException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new AdminException(Problem.invalid(at + field, "expected a list of strings"));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new AdminException(Problem.invalid(at + field + "[" + i + "]", "expected a string"));
            }
            values.add(node.get(i).textValue());
        }
        return values;
    }
}
