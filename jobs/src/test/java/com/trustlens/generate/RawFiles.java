package com.trustlens.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a generated folder (files layout) on the driver, independently of Spark, for the tests. */
final class RawFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Pattern ZULU = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  static final Pattern OFFSET = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
  static final Pattern LOCAL_T = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
  static final Pattern LOCAL_SPACE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  final Path dir;

  RawFiles(Path dir) {
    this.dir = dir;
  }

  List<String> allLines(String file) {
    try {
      return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines after the header for CSV files, all lines for JSON lines. */
  List<String> dataLines(String file) {
    List<String> all = allLines(file);
    return file.endsWith(".csv") ? all.subList(1, all.size()) : all;
  }

  JsonNode truth() {
    try {
      return JSON.readTree(dir.resolve("truth.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which of the four spellings a timestamp uses: Z, offset, T (local) or space (local); null if none. */
  static String spelling(String s) {
    if (ZULU.matcher(s).matches()) {
      return "Z";
    }
    if (OFFSET.matcher(s).matches()) {
      return "offset";
    }
    if (LOCAL_T.matcher(s).matches()) {
      return "T";
    }
    return LOCAL_SPACE.matcher(s).matches() ? "space" : null;
  }

  /** The instant of a timestamp in one of the four spellings (local ones in Paris time), or null. */
  static Instant instant(String s) {
    String spelling = s == null ? null : spelling(s);
    if (spelling == null) {
      return null;
    }
    try {
      return switch (spelling) {
        case "Z" -> Instant.parse(s);
        case "offset" -> OffsetDateTime.parse(s).toInstant();
        case "T" -> LocalDateTime.parse(s).atZone(PARIS).toInstant();
        default -> LocalDateTime.parse(s, SPACE).atZone(PARIS).toInstant();
      };
    } catch (DateTimeException e) {
      return null;
    }
  }

  static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The Monday (Paris) of the week holding an instant. */
  static LocalDate weekOf(Instant t) {
    LocalDate day = t.atZone(PARIS).toLocalDate();
    return day.minusDays(day.getDayOfWeek().getValue() - 1);
  }

  /** A JSON line as a tree, or null when it does not parse as one object. */
  static JsonNode parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
