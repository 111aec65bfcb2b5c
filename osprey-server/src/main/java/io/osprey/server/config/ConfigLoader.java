package io.osprey.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads {@code osprey.yaml} into {@link OspreyConfig}. Keys are kebab-case; an unknown key, a value of the wrong
 * type or a value out of range fails with a {@link ConfigException} naming the key path
 * (e.g. {@code proxy.routes[1].to}) and what was expected.
 */
public final class ConfigLoader {

    private static final PropertyNamingStrategies.NamingBase KEBAB =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;

    private final ObjectMapper mapper;

    public ConfigLoader() {
        SimpleModule durations = new SimpleModule("osprey-durations");
        durations.addDeserializer(Duration.class, new DurationDeserializer());
        mapper = JsonMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(durations)
                .build();
    }

    /** Loads the file, or the defaults when {@code file} does not exist. */
    public OspreyConfig load(Path file) {
        if (!Files.exists(file)) {
            return OspreyConfig.defaults();
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** Parses YAML text; empty text gives the defaults. */
    public OspreyConfig parse(String yaml) {
        if (yaml.isBlank()) {
            return OspreyConfig.defaults();
        }
        try {
            JsonNode tree = mapper.readTree(yaml);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                return OspreyConfig.defaults();
            }
            // Unknown keys are found on the tree first: record constructors validate as Jackson builds them, and a
            // typo ("too:" for "to:") must be reported as the typo, not as the key it left missing.
            checkKeys(tree, OspreyConfig.class, "");
            OspreyConfig config = mapper.treeToValue(tree, OspreyConfig.class);
            return config == null ? OspreyConfig.defaults() : config;
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException("(yaml)", "is not valid YAML at line " + (at == null ? "?" : at.getLineNr())
                    + ": " + e.getOriginalMessage());
        }
    }

    private static void checkKeys(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        Map<String, RecordComponent> components = new TreeMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(KEBAB.translate(component.getName()), component);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                throw new ConfigException(childPath, "is not a known key; expected one of: "
                        + String.join(", ", components.keySet()));
            }
            JsonNode value = field.getValue();
            if (List.class.isAssignableFrom(component.getType()) && value.isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < value.size(); i++) {
                    checkKeys(value.get(i), element, childPath + "[" + i + "]");
                }
            } else {
                checkKeys(value, component.getType(), childPath);
            }
        }
    }

    private static ConfigException translate(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return new ConfigException(path, "is not a known key; expected one of: " + known);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConfigException inner) {
            return new ConfigException(path.isEmpty() ? inner.path() : path + "." + inner.path(),
                    inner.getMessage().substring(inner.path().length() + 2));
        }
        if (e instanceof InvalidFormatException bad) {
            return new ConfigException(path, "'" + bad.getValue() + "' is not valid; expected " + describe(bad.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String given = currentText(mismatch);
            return new ConfigException(path, (given == null ? "has the wrong shape" : "'" + given + "' is not valid")
                    + "; expected " + describe(mismatch.getTargetType()));
        }
        return new ConfigException(path.isEmpty() ? "(root)" : path, e.getOriginalMessage());
    }

    private static String currentText(MismatchedInputException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null
                && parser.currentToken().isScalarValue()) {
            try {
                return parser.getText();
            } catch (IOException ignored) {
                return null;
            }
        }
        return null;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 500ms, 4s or 2m";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section of keys (" + type.getSimpleName().replace("Config", "").toLowerCase(Locale.ROOT) + ")";
    }

    /** Durations as {@code 250ms}, {@code 4s}, {@code 2m}, {@code 1h}, or a bare number of milliseconds. */
    static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            Duration parsed = text == null ? null : parseDuration(text.trim());
            if (parsed == null) {
                return (Duration) context.handleWeirdStringValue(Duration.class, String.valueOf(text),
                        "expected a duration such as 500ms, 4s or 2m");
            }
            return parsed;
        }

        static Duration parseDuration(String text) {
            int unitStart = 0;
            while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
                unitStart++;
            }
            if (unitStart == 0 || unitStart > 12) {
                return null;
            }
            long amount = Long.parseLong(text.substring(0, unitStart));
            return switch (text.substring(unitStart)) {
                case "", "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> null;
            };
        }
    }
}
