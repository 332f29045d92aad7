package com.trustlens.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a run's YAML file over the shipped defaults (conf/defaults.yaml), binds it to
 * {@link TrustLensConfig}, resolves relative paths and validates it.
 */
public final class ConfigLoader {
  static final String DEFAULTS_RESOURCE = "/conf/defaults.yaml";

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .addModule(new JavaTimeModule())
      .build();

  /** A URI scheme: two characters at least, so that C:\data stays a Windows path. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

  private ConfigLoader() {}

  /** A loaded configuration and the facts about it that runs record. */
  public record Loaded(TrustLensConfig config, Path file, String hash) {}

  /** Loads, resolves and validates the file; throws {@link ConfigException} naming the key. */
  public static Loaded load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(null, "configuration file " + file + " does not exist");
    }
    JsonNode user;
    try {
      user = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(null, file + " is not valid YAML: " + e.getMessage());
    }
    if (user == null || user.isMissingNode() || user.isNull()) {
      user = YAML.createObjectNode();
    }
    if (!user.isObject()) {
      throw new ConfigException(null, file + " must hold a mapping of keys at top level");
    }
    Path base = file.toAbsolutePath().getParent();
    return fromTree((ObjectNode) user, base, file);
  }

  /** Merges a tree over the defaults and binds it; paths resolve against base. */
  static Loaded fromTree(ObjectNode user, Path base, Path file) {
    ObjectNode merged = defaults();
    merge(merged, user, "");
    TrustLensConfig raw = bind(merged, file);
    TrustLensConfig resolved = resolvePaths(raw, base);
    ConfigValidator.validate(resolved);
    return new Loaded(resolved, file, sha256(merged.toString()));
  }

  /** The shipped defaults as a tree. */
  public static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Maps merge key by key; anything else (lists, scalars, null) replaces. Unknown keys are
  // carried over so that binding reports them with their full path.
  private static void merge(ObjectNode target, JsonNode source, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> it = source.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode current = target.get(e.getKey());
      if (current instanceof ObjectNode obj && e.getValue().isObject() && !isFreeMap(prefix + e.getKey())) {
        merge(obj, e.getValue(), prefix + e.getKey() + ".");
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }

  // Maps whose keys are the user's own: a user's map replaces the default one entirely.
  private static boolean isFreeMap(String key) {
    return key.equals("analysis.trust_index");
  }

  private static TrustLensConfig bind(ObjectNode merged, Path file) {
    try {
      return YAML.treeToValue(merged, TrustLensConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      throw new ConfigException(keyOf(e), "unknown key in " + file + " (known keys here: " + known + ")");
    } catch (InvalidFormatException e) {
      String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
          ? " (one of: " + java.util.Arrays.stream(e.getTargetType().getEnumConstants())
              .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", ")) + ")"
          : " (expected " + simpleType(e.getTargetType()) + ")";
      throw new ConfigException(keyOf(e), "invalid value '" + e.getValue() + "' in " + file + allowed);
    } catch (JsonMappingException e) {
      throw new ConfigException(keyOf(e), "invalid value in " + file + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ConfigException(null, "cannot read " + file + ": " + e.getOriginalMessage());
    }
  }

  private static String simpleType(Class<?> c) {
    if (c == null) return "another type";
    if (c == java.time.LocalDate.class) return "a date like 2025-01-06";
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return "an integer";
    if (c == double.class || c == Double.class) return "a number";
    return c.getSimpleName();
  }

  private static String keyOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static TrustLensConfig resolvePaths(TrustLensConfig c, Path base) {
    java.util.function.UnaryOperator<String> resolve = p -> resolve(base, p);
    return new TrustLensConfig(
        c.inputs() == null ? null : c.inputs().withPaths(resolve),
        c.output() == null ? null : new Output(resolve.apply(c.output().path())),
        c.analysis(),
        c.deception() == null ? null
            : new Deception(resolve.apply(c.deception().rules()), c.deception().threshold()),
        c.quality(), c.privacy(), c.spark(), withDefaults(c), c.audit());
  }

  private static java.util.List<TreatmentSpec> withDefaults(TrustLensConfig c) {
    if (c.treatments() == null || c.analysis() == null) return c.treatments();
    return c.treatments().stream()
        .map(t -> t == null ? null : t.withDefaults(c.analysis().unansweredAfterHours())).toList();
  }

  /**
   * Resolves a relative local path against base; a Hadoop URI ({@code s3a://b/x}, {@code abfss://...},
   * {@code hdfs://...}, {@code file:/x}) and an absolute path are returned untouched.
   */
  public static String resolve(Path base, String path) {
    if (path == null || path.isBlank()) return path;
    if (hasScheme(path) || Path.of(path).isAbsolute()) return path;
    return base.resolve(path).normalize().toString();
  }

  /**
   * True when the path starts with a URI scheme. Checked on the text, not with java.net.URI, which
   * rejects what Hadoop accepts (spaces, glob braces); one letter before the colon is a Windows drive.
   */
  public static boolean hasScheme(String path) {
    return path != null && SCHEME.matcher(path).lookingAt();
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
