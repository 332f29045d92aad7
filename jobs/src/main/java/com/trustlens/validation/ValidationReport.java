package com.trustlens.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a validation's figures as validation.md (per metric tables) and validation.csv. */
public final class ValidationReport {
  private ValidationReport() {}

  /** @param command the command line that produced the figures, @param seconds its runtime */
  public static void write(ValidationTally tally, Path dir, String command, double seconds) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("validation.csv"), tally.csv());
      Files.writeString(dir.resolve("validation.md"), markdown(tally, command, seconds));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the validation report to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Per metric: pooled coverage before and after exposure, uniform band coverage, placebo rejection rate. */
  public static String summary(ValidationTally tally) {
    StringBuilder sb = new StringBuilder();
    sb.append("| metric | coverage e < 0 | coverage e >= 0 | uniform band covers the whole curve | placebo rejects |\n");
    sb.append("|---|---|---|---|---|\n");
    for (String m : tally.metrics()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", m, share(tally.pooledCoverage(m, false)),
          share(tally.pooledCoverage(m, true)), share(tally.bandCoverage(m)), share(tally.placeboRejection(m))));
    }
    return sb.toString();
  }

  // No estimate to score (e.g. absorbing metrics before exposure, where nobody changes): n/a, not NaN.
  static String share(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  static String markdown(ValidationTally tally, String command, double seconds) {
    StringBuilder sb = new StringBuilder("# Estimator validation\n\n");
    sb.append(String.format(Locale.ROOT, "`%s` (%.0f s). Truth: expected_att.deceptive_mail.by_event_time of each "
        + "replication's truth.json. Intervals at 95 %%; placebo: pre-trend test at 5 %%.%n%n", command, seconds));
    ValidationTally.LabelErrors labels = tally.labelErrors();
    sb.append(String.format(Locale.ROOT, "Cohorts come from the campaigns planted as deceptive (truth.json campaigns.deceptive), "
        + "so that the figures score the estimator alone; over the replications the deception rules missed %d of the %d "
        + "planted deceptive campaigns and flagged %d honest ones (a run of the pipeline would count the customers of "
        + "missed campaigns as controls).%n%n", labels.missed(), labels.deceptive(), labels.flagged()));
    sb.append(summary(tally));
    for (String m : tally.metrics()) {
      sb.append("\n## ").append(m).append("\n\n");
      sb.append("| e | reps | truth | bias | RMSE | coverage | mean se | sd of estimates |\n");
      sb.append("|---|---|---|---|---|---|---|---|\n");
      for (ValidationTally.Cell c : tally.cells()) {
        if (!c.metric().equals(m)) continue;
        sb.append(String.format(Locale.ROOT, "| %d | %d | %.5f | %+.5f | %.5f | %.3f | %.5f | %.5f |%n", c.eventTime(),
            c.reps(), c.truth(), c.bias(), c.rmse(), c.coverage(), c.meanSe(), c.sdEstimate()));
      }
    }
    return sb.toString();
  }
}
