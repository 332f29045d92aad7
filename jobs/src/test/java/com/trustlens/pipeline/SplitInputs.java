package com.trustlens.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the generator's events.jsonl and exposures.csv in two at a date, as if the second part
 * arrived later: rows sharing a key (duplicates, conflicting copies) stay in the part of their first row.
 */
final class SplitInputs {
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern EVENT_TIME = Pattern.compile("\"event_time\"\\s*:\\s*\"([^\"]*)\"");

  private SplitInputs() {}

  /** Lines of events.jsonl before the cutoff (index 0) and from it on (index 1). */
  static List<List<String>> events(Path jsonl, String cutoff) {
    return split(read(jsonl), l -> find(EVENT_ID, l, l), l -> find(EVENT_TIME, l, ""), cutoff);
  }

  /** Rows of exposures.csv before the cutoff and from it on, each part with the header first. */
  static List<List<String>> exposures(Path csv, String cutoff) {
    List<String> lines = read(csv);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int customer = header.indexOf("customer_id");
    int campaign = header.indexOf("campaign_id");
    int sent = header.indexOf("sent_at");
    List<List<String>> parts = split(lines.subList(1, lines.size()),
        l -> cell(l, customer) + "|" + cell(l, campaign), l -> cell(l, sent), cutoff);
    parts.forEach(p -> p.add(0, lines.get(0)));
    return parts;
  }

  static void write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> split(List<String> lines, Function<String, String> key,
      Function<String, String> time, String cutoff) {
    Map<String, Integer> partOfKey = new HashMap<>();
    List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>());
    for (String l : lines) {
      int part = partOfKey.computeIfAbsent(key.apply(l), k -> time.apply(l).compareTo(cutoff) < 0 ? 0 : 1);
      parts.get(part).add(l);
    }
    return parts;
  }

  private static String cell(String line, int i) {
    String[] cells = line.split(",", -1);
    return i < cells.length ? cells[i] : "";
  }

  private static String find(Pattern p, String line, String otherwise) {
    Matcher m = p.matcher(line);
    return m.find() ? m.group(1) : otherwise;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
