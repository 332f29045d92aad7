package com.trustlens.deception;

import com.trustlens.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The deception rules of a run: families of named, weighted rules read from a YAML file and validated. */
public record DeceptionRules(String source, List<RuleFamily> families) {
  /** Classpath location of the built-in rules (conf/deception-rules.yaml, packaged by the build). */
  public static final String BUILT_IN_RESOURCE = "/conf/deception-rules.yaml";

  /** Campaign kinds of SPEC §2, the only values kind_in and kind_not_in accept. */
  public static final List<String> KINDS = List.of("promotional", "transactional", "service", "newsletter");

  public DeceptionRules {
    families = List.copyOf(families);
  }

  /**
   * Reads and validates a rules file: a local path, a file: URI or any Hadoop file system URI;
   * null reads the built-in rules. Errors are {@link ConfigException}s keyed
   * "deception.rules: families.NAME.rules[i].KEY" and naming the file.
   */
  public static DeceptionRules load(String pathOrNullForBuiltIn) {
    if (pathOrNullForBuiltIn == null || pathOrNullForBuiltIn.isBlank()) {
      return RulesFileReader.read(builtInText(), "the built-in rules (" + BUILT_IN_RESOURCE + ")");
    }
    return RulesFileReader.read(readText(pathOrNullForBuiltIn), pathOrNullForBuiltIn);
  }

  /** Validates rules given as YAML text; source names them in error messages. */
  public static DeceptionRules parse(String yaml, String source) {
    return RulesFileReader.read(yaml, source);
  }

  /** Every rule, family by family, in file order. */
  public List<Rule> rules() {
    return families.stream().flatMap(f -> f.rules().stream()).toList();
  }

  public Optional<RuleFamily> family(String name) {
    return families.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  private static String builtInText() {
    try (InputStream in = DeceptionRules.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readText(String location) {
    try {
      // A one-letter "scheme" is a Windows drive, not a URI.
      if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.startsWith("file:")) {
        return readWithHadoop(location);
      }
      Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      if (!Files.isRegularFile(path)) {
        throw new ConfigException("deception.rules", "rules file " + location + " does not exist");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("deception.rules", "cannot read rules file " + location + ": " + e.getMessage());
    }
  }

  private static String readWithHadoop(String location) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
    // The running session's settings carry the spark.hadoop.* credentials of object stores.
    scala.Option<org.apache.spark.sql.SparkSession> session = org.apache.spark.sql.SparkSession.getDefaultSession();
    org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(session.isDefined()
        ? session.get().sparkContext().hadoopConfiguration() : new org.apache.hadoop.conf.Configuration());
    if (!fs.isFile(p)) {
      throw new ConfigException("deception.rules", "rules file " + location + " does not exist");
    }
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
