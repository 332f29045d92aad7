package com.trustlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a Markdown table and a CSV file. */
final class ResultsTable {
  private static final String[] HEADER = {"dataset", "customers", "weeks", "cohorts", "events", "step", "runs",
      "median_s", "min_s", "max_s", "peak_heap_mib", "peak_after_gc_mib", "note"};
  private final List<Measurement> rows = new ArrayList<>();

  void add(Measurement m) {
    rows.add(m);
  }

  List<Measurement> rows() {
    return List.copyOf(rows);
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
    b.append("|").append("---|".repeat(HEADER.length)).append("\n");
    for (Measurement m : rows) {
      b.append("| ").append(String.join(" | ", cells(m, true))).append(" |\n");
    }
    return b.toString();
  }

  String csv() {
    StringBuilder b = new StringBuilder(String.join(",", HEADER)).append("\n");
    for (Measurement m : rows) {
      b.append(String.join(",", cells(m, false).stream().map(ResultsTable::quoted).toList())).append("\n");
    }
    return b.toString();
  }

  /** Writes results.md and results.csv under {@code dir}. */
  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.md"), markdown());
    Files.writeString(dir.resolve("results.csv"), csv());
  }

  private static List<String> cells(Measurement m, boolean readable) {
    String events = readable ? String.format(Locale.ROOT, "%,d", m.events()) : Long.toString(m.events());
    String customers = readable ? String.format(Locale.ROOT, "%,d", m.customers()) : Integer.toString(m.customers());
    String note = readable ? m.note().replace("|", "/") : m.note();
    return List.of(m.dataset(), customers, Integer.toString(m.weeks()), Integer.toString(m.cohorts()), events,
        m.step(), Integer.toString(m.seconds().size()), secs(m.median()), secs(m.min()), secs(m.max()),
        Long.toString(m.peakHeapMiB()), Long.toString(m.peakAfterGcMiB()), note);
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  private static String quoted(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
