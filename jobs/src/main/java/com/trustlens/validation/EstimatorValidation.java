package com.trustlens.validation;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustlens.config.ConfigLoader;
import com.trustlens.config.ControlGroup;
import com.trustlens.generate.GenerateOptions;
import com.trustlens.generate.SyntheticCrm;
import com.trustlens.estimate.ErosionEstimator;
import com.trustlens.pipeline.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Replays the synthetic generator with new seeds, runs ingest, classify, cohorts and estimate on
 * each replication in the same Spark session, and scores the erosion curve against the ATT(e)
 * planted in truth.json ({@link ValidationTally}).
 */
public final class EstimatorValidation {
  /** Metrics with a planted truth that the estimator takes. */
  public static final List<String> METRICS =
      List.of("opened", "clicked", "purchased", "revenue", "unsubscribed", "complained", "active");
  static final String TREATMENT = "deceptive_mail";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to replay: replications, data size, first seed, design, where to work. */
  public record Options(int reps, int customers, int weeks, long firstSeed, ControlGroup controlGroup,
      double holdoutShare, int prePeriods, int horizon, int buckets, Path workDir) {}

  private final SparkSession spark;
  private final Options options;

  public EstimatorValidation(SparkSession spark, Options options) {
    this.spark = spark;
    this.options = options;
  }

  /** Runs every replication; each one's files are deleted once scored. */
  public ValidationTally run() {
    return run(tally -> {});
  }

  /** Runs every replication, handing the running tally on after each (a report that survives an interruption). */
  public ValidationTally run(java.util.function.Consumer<ValidationTally> afterEach) {
    ValidationTally tally = new ValidationTally();
    for (int rep = 0; rep < options.reps(); rep++) {
      long seed = options.firstSeed() + rep;
      long t0 = System.nanoTime();
      Path dir = options.workDir().resolve("rep-" + seed);
      try {
        replicate(seed, dir, tally);
      } finally {
        delete(dir);
      }
      Progress.info(String.format(Locale.ROOT, "validate-estimator: replication %d/%d (seed %d) in %.1f s",
          rep + 1, options.reps(), seed, (System.nanoTime() - t0) / 1e9));
      afterEach.accept(tally);
    }
    return tally;
  }

  private void replicate(long seed, Path dir, ValidationTally tally) {
    GenerateOptions generate = GenerateOptions.defaults(dir.resolve("data").toString())
        .withSize(options.customers(), options.weeks()).withSeed(seed)
        .withHoldout(options.holdoutShare(), false)
        .withPartitions(spark.sparkContext().defaultParallelism()).validate();
    long t0 = System.nanoTime();
    SyntheticCrm.standard(spark, generate).write();
    long t1 = System.nanoTime();
    ConfigLoader.Loaded loaded = ConfigLoader.load(writeConfig(dir, generate, seed));
    Path truthFile = dir.resolve("data/truth.json");
    ReplicationChain.Result chain = new ReplicationChain(spark, loaded.config(), plantedDeceptive(truthFile)).run();
    ErosionEstimator.Result result = chain.estimates();
    tally.addLabelErrors(chain.labelErrors());
    Progress.info(String.format(Locale.ROOT, "validate-estimator: seed %d generated in %.1f s, estimated in %.1f s", seed,
        (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
    Map<String, Map<Integer, Double>> truth = truth(truthFile);
    Map<String, List<ValidationTally.Point>> curves = new HashMap<>();
    for (Row r : result.curve().filter(col("treatment").equalTo(TREATMENT).and(col("breakdown").equalTo("all")).and(col("att").isNotNull()))
        .collectAsList()) {
      String metric = r.getAs("metric");
      int e = r.getAs("event_time");
      Double expected = truth.getOrDefault(metric, Map.of()).get(e);
      if (expected == null) continue;
      curves.computeIfAbsent(metric, m -> new ArrayList<>()).add(new ValidationTally.Point(metric, e, expected,
          r.getAs("att"), r.getAs("se"), r.getAs("ci_low"), r.getAs("ci_high"), r.getAs("band_low"), r.getAs("band_high")));
    }
    Map<String, Double> pretrend = new HashMap<>();
    for (Row r : result.summary().filter(col("treatment").equalTo(TREATMENT).and(col("breakdown").equalTo("all"))).collectAsList()) {
      pretrend.put(r.getAs("metric"), r.getAs("pretrend_p_value"));
    }
    curves.forEach((metric, points) -> tally.add(metric, points, pretrend.get(metric)));
  }

  // The demo's analysis settings over the generated window, with nothing suppressed.
  private Path writeConfig(Path dir, GenerateOptions g, long seed) {
    LocalDate end = g.end();
    String yaml = String.format(Locale.ROOT, """
        inputs:
          customers: {path: data/customers.csv, format: csv}
          campaigns: {path: data/campaigns.jsonl, format: json}
          exposures: {path: data/exposures.csv, format: csv}
          events: {path: data/events.jsonl, format: json}
        output: {path: lake}
        analysis:
          period: week
          timezone: %s
          start: %s
          end: %s
          control_group: %s
          strata: [segment]
          pre_periods: %d
          horizon: %d
          metrics: [%s]
          min_cell_size: 1
          buckets: %d
          bootstrap: {replicates: 499, seed: %d}
        privacy: {pseudonym_key: validate-estimator}
        """, g.zone().getId(), g.start(), end, options.controlGroup().key(), options.prePeriods(), options.horizon(),
        String.join(", ", METRICS), options.buckets(), seed);
    try {
      Path file = dir.resolve("conf.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** expected_att.deceptive_mail.by_event_time of truth.json: metric -> event time -> ATT(e). */
  static Map<String, Map<Integer, Double>> truth(Path file) {
    try {
      JsonNode rows = JSON.readTree(file.toFile()).path("expected_att").path(TREATMENT).path("by_event_time");
      if (!rows.isArray()) {
        throw new IllegalStateException(file + " has no expected_att." + TREATMENT + ".by_event_time");
      }
      Map<String, Map<Integer, Double>> out = new HashMap<>();
      for (JsonNode r : rows) {
        for (String m : METRICS) {
          if (r.has(m)) out.computeIfAbsent(m, k -> new HashMap<>()).put(r.get("event_time").asInt(), r.get(m).asDouble());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** campaigns.deceptive of truth.json: the ids of the campaigns planted as deceptive. */
  static Set<String> plantedDeceptive(Path file) {
    try {
      JsonNode ids = JSON.readTree(file.toFile()).path("campaigns").path("deceptive");
      if (!ids.isArray()) {
        throw new IllegalStateException(file + " has no campaigns.deceptive");
      }
      Set<String> out = new HashSet<>();
      ids.forEach(id -> out.add(id.asText()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
