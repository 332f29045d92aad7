package com.trustlens.config;

import com.trustlens.period.Periods;
import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a bound configuration; the first problem found is thrown naming its key. */
final class ConfigValidator {
  /** Customer columns a stratum may use (silver customers, PII left out). */
  static final Set<String> STRATA_COLUMNS = Set.of("segment", "country", "gender", "age_band");
  /** Panel metrics the estimation cannot take as a change between periods (null when unanswered). */
  static final Set<String> NOT_ESTIMABLE = Set.of("nps");
  static final int MIN_BUCKETS = 2;
  static final int MAX_BUCKETS = 4096;

  private ConfigValidator() {}

  static void validate(TrustLensConfig c) {
    require(c.inputs(), "inputs");
    requireInput(c.inputs().campaigns(), "inputs.campaigns");
    requireInput(c.inputs().exposures(), "inputs.exposures");
    requireInput(c.inputs().events(), "inputs.events");
    if (c.inputs().customers() != null) requireInput(c.inputs().customers(), "inputs.customers");
    require(c.output(), "output");
    requireText(c.output().path(), "output.path");
    validateAnalysis(c.analysis());
    require(c.deception(), "deception");
    between(c.deception().threshold(), 0, 1, "deception.threshold");
    if (c.deception().rules() != null && !ConfigLoader.hasScheme(c.deception().rules())
        && !Files.isRegularFile(Path.of(c.deception().rules()))) {
      throw new ConfigException("deception.rules", "rules file " + c.deception().rules() + " does not exist");
    }
    require(c.quality(), "quality");
    between(c.quality().maxBadFraction(), 0, 1, "quality.max_bad_fraction");
    require(c.privacy(), "privacy");
    requireText(c.privacy().pseudonymKeyEnv(), "privacy.pseudonym_key_env");
    require(c.spark(), "spark");
    requireText(c.spark().master(), "spark.master");
    TreatmentValidator.validate(c.treatments());
    require(c.audit(), "audit");
    atLeast(c.audit().attributionDays(), 1, "audit.attribution_days");
    atLeast(c.audit().baselinePeriods(), 0, "audit.baseline_periods");
  }

  private static void validateAnalysis(Analysis a) {
    require(a, "analysis");
    require(a.period(), "analysis.period");
    requireText(a.timezone(), "analysis.timezone");
    try {
      ZoneId.of(a.timezone());
    } catch (DateTimeException e) {
      throw new ConfigException("analysis.timezone", "'" + a.timezone() + "' is not a time zone id (e.g. Europe/Paris, UTC)");
    }
    require(a.start(), "analysis.start");
    require(a.end(), "analysis.end");
    Periods periods = new Periods(a.period(), a.zone());
    if (!periods.startOf(a.start()).equals(a.start())) {
      throw new ConfigException("analysis.start", a.start() + " is not the first day of a " + a.period().key()
          + " (" + periods.firstDayName() + "); use " + periods.startOf(a.start()));
    }
    if (!periods.endOf(a.end()).equals(a.end())) {
      throw new ConfigException("analysis.end", a.end() + " is not the last day of a " + a.period().key()
          + "; use " + periods.endOf(a.end()) + " (or " + periods.startOf(a.end()).minusDays(1) + ")");
    }
    if (!a.end().isAfter(a.start())) {
      throw new ConfigException("analysis.end", a.end() + " is not after analysis.start " + a.start());
    }
    require(a.controlGroup(), "analysis.control_group");
    for (String s : a.strata()) {
      if (!STRATA_COLUMNS.contains(s)) {
        throw new ConfigException("analysis.strata", "'" + s + "' is not a customer column usable as stratum (one of: "
            + String.join(", ", STRATA_COLUMNS.stream().sorted().toList()) + ")");
      }
    }
    atLeast(a.prePeriods(), 0, "analysis.pre_periods");
    atLeast(a.horizon(), 0, "analysis.horizon");
    List<String> known = metricNames();
    if (a.metrics().isEmpty()) throw new ConfigException("analysis.metrics", "is empty; name at least one metric");
    for (String m : a.metrics()) {
      if (!known.contains(m)) {
        throw new ConfigException("analysis.metrics", "unknown metric '" + m + "' (one of: " + String.join(", ", known) + ")");
      }
      if (NOT_ESTIMABLE.contains(m)) {
        throw new ConfigException("analysis.metrics", "'" + m + "' cannot be estimated: it is null in periods without an"
            + " answer, so a customer's change between two periods rarely exists; its raw curves are in trust_metrics."
            + " Remove it from analysis.metrics");
      }
    }
    atLeast(a.minCellSize(), 1, "analysis.min_cell_size");
    atLeast(a.minExpectedEvents(), 0, "analysis.min_expected_events");
    if (!(a.confidence() > 0 && a.confidence() < 1)) {
      throw new ConfigException("analysis.confidence", a.confidence() + " is not strictly between 0 and 1");
    }
    require(a.bootstrap(), "analysis.bootstrap");
    atLeast(a.bootstrap().replicates(), 1, "analysis.bootstrap.replicates");
    if (a.buckets() < MIN_BUCKETS || a.buckets() > MAX_BUCKETS) {
      throw new ConfigException("analysis.buckets", a.buckets() + " is not between " + MIN_BUCKETS + " and " + MAX_BUCKETS
          + " (standard errors come from bucket sums: 128 to 512 suit most runs)");
    }
    for (var w : a.trustIndex().entrySet()) {
      if (!known.contains(w.getKey()) || w.getKey().equals("trust_index") || w.getKey().equals("nps")) {
        throw new ConfigException("analysis.trust_index." + w.getKey(), "is not a metric the trust index can weigh (one of: "
            + known.stream().filter(m -> !m.equals("trust_index") && !m.equals("nps")).collect(Collectors.joining(", ")) + ")");
      }
      if (w.getValue() == null || !Double.isFinite(w.getValue())) {
        throw new ConfigException("analysis.trust_index." + w.getKey(), "must be a number");
      }
    }
    atLeast(a.unansweredAfterHours(), 1, "analysis.unanswered_after_hours");
    atLeast(a.survivalHorizonDays(), 1, "analysis.survival_horizon_days");
  }

  /** Panel metric names, from schemas/internal/panel.json. */
  static List<String> metricNames() {
    return Schemas.internal("panel").columns().stream().map(ColumnSpec::name)
        .filter(n -> !n.equals("customer_key") && !n.equals("period")).toList();
  }

  private static void requireInput(InputSpec in, String key) {
    require(in, key);
    requireText(in.path(), key + ".path");
    require(in.format(), key + ".format");
  }

  static void require(Object value, String key) {
    if (value == null) throw new ConfigException(key, "is required");
  }

  static void requireText(String value, String key) {
    if (value == null || value.isBlank()) throw new ConfigException(key, "is required");
  }

  static void atLeast(long value, long min, String key) {
    if (value < min) throw new ConfigException(key, value + " is below the minimum " + min);
  }

  private static void between(double value, double lo, double hi, String key) {
    if (!(value >= lo && value <= hi)) throw new ConfigException(key, value + " is not between " + lo + " and " + hi);
  }
}
