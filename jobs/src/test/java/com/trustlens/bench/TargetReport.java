package com.trustlens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark's targets (issue 7) checked against the measured medians: end to end time, the
 * estimator against the naive port and DuckDB, and how cost grows with cohorts and events.
 */
final class TargetReport {
  static final String E2E = "end to end";
  static final String ESTIMATOR = "estimate: TrustLens ErosionEstimator";
  static final String CORE = "core pass: TrustLens sufficient statistics (Spark)";
  static final String DUCKDB = "core pass: DuckDB SQL, same sums";
  static final String NAIVE = "estimate: naive per-cell port (Spark), extrapolated";

  private final List<Measurement> rows;

  TargetReport(List<Measurement> rows) {
    this.rows = rows;
  }

  /** Markdown lines: target, measured ratio or time, and whether it is met. */
  String markdown() {
    List<String> out = new ArrayList<>();
    out.add("| target | measured | met |");
    out.add("|---|---|---|");
    for (Measurement e : select(E2E)) {
      if (e.dataset().contains("events-x")) continue;
      out.add(line("end to end <= 600 s (" + e.dataset() + ")", seconds(e.median()), e.median() <= 600));
    }
    for (Measurement est : select(ESTIMATOR)) {
      find(est.dataset(), NAIVE).ifPresent(n -> out.add(line("estimate >= 20x faster than naive port ("
          + est.dataset() + ", " + est.cohorts() + " cohorts)", ratio(n.median() / est.median()) + " faster",
          n.median() / est.median() >= 20)));
      find(est.dataset(), CORE).ifPresent(c -> find(est.dataset(), DUCKDB).ifPresent(d -> out.add(line(
          "core aggregation within 2x of DuckDB (" + est.dataset() + ")", ratio(c.median() / d.median())
              + " DuckDB's time", c.median() / d.median() <= 2))));
    }
    for (Measurement many : select(E2E)) {
      if (many.dataset().contains("events-x")) continue;
      for (Measurement few : select(E2E)) {
        if (few.customers() == many.customers() && few.weeks() == many.weeks() && few.cohorts() < many.cohorts()
            && !few.dataset().contains("events-x")) {
          double r = many.median() / few.median();
          out.add(line(many.cohorts() + " vs " + few.cohorts() + " cohorts within 1.3x (end to end, "
              + many.customers() + " customers)", ratio(r), r <= 1.3));
          growth(ESTIMATOR, few, many).ifPresent(out::add);
        }
      }
    }
    for (Measurement doubled : select(E2E)) {
      if (!doubled.dataset().contains("events-x2")) continue;
      String base = doubled.dataset().replace("-events-x2", "");
      find(base, E2E).ifPresent(b -> {
        double r = doubled.median() / b.median();
        out.add(line("doubling events within 2.2x (end to end, " + base + ")", ratio(r), r <= 2.2));
      });
    }
    return String.join("\n", out) + "\n";
  }

  private Optional<String> growth(String step, Measurement few, Measurement many) {
    return find(many.dataset(), step).flatMap(m -> find(few.dataset(), step).map(f -> line(
        many.cohorts() + " vs " + few.cohorts() + " cohorts within 1.3x (estimate step alone)",
        ratio(m.median() / f.median()), m.median() / f.median() <= 1.3)));
  }

  private List<Measurement> select(String step) {
    return rows.stream().filter(m -> m.step().equals(step)).toList();
  }

  private Optional<Measurement> find(String dataset, String step) {
    return rows.stream().filter(m -> m.dataset().equals(dataset) && m.step().equals(step)).findFirst();
  }

  private static String line(String target, String measured, boolean met) {
    return "| " + target + " | " + measured + " | " + (met ? "yes" : "no") + " |";
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
