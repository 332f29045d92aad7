package com.trustlens.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.trustlens.audit.AuditSettings;
import com.trustlens.audit.CampaignAudit;
import com.trustlens.cohort.CohortAssignment;
import com.trustlens.cohort.PanelCustomers;
import com.trustlens.cohort.Treatments;
import com.trustlens.config.Analysis;
import com.trustlens.config.ConfigException;
import com.trustlens.config.InputSpec;
import com.trustlens.config.TreatmentSpec;
import com.trustlens.config.TrustLensConfig;
import com.trustlens.deception.CampaignClassifier;
import com.trustlens.estimate.ClassSums;
import com.trustlens.estimate.ErosionEstimator;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.estimate.SampleRatioMismatch;
import com.trustlens.ingest.Ingest;
import com.trustlens.ingest.Pseudonymiser;
import com.trustlens.ingest.RawReader;
import com.trustlens.ingest.SourceCounts;
import com.trustlens.panel.PanelBuilder;
import com.trustlens.panel.TrustMetrics;
import com.trustlens.period.Periods;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import com.trustlens.survival.Survival;
import com.trustlens.survival.SurvivalComparison;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The pipeline's I/O edge: reads inputs and lake tables, calls the pure steps, writes each
 * output table in one commit, and notes what it did in the run context.
 */
public final class Pipeline {
  private final SparkSession spark;
  private final TrustLensConfig config;
  private final Lake lake;
  private final RunContext run;
  private final DeltaTables tables;
  private final Periods periods;
  private final Instant windowEnd;

  public Pipeline(SparkSession spark, TrustLensConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.lake = new Lake(config.output().path());
    this.run = run;
    this.tables = new DeltaTables(spark, run.runId());
    Analysis a = config.analysis();
    this.periods = new Periods(a.period(), a.zone());
    this.windowEnd = a.end().plusDays(1).atStartOfDay(a.zone()).toInstant();
  }

  SparkSession spark() {
    return spark;
  }

  TrustLensConfig config() {
    return config;
  }

  DeltaTables tables() {
    return tables;
  }

  public Lake lake() {
    return lake;
  }

  public RunContext run() {
    return run;
  }

  /**
   * Reads every input, writes quarantine then (if quality holds) the silver tables. The ingest
   * log is emptied first: silver tables rebuilt outside a complete run make the next run full.
   */
  public Map<String, SourceCounts> ingest() {
    ingestLog().clear();
    RawReader reader = new RawReader(spark);
    Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
    config.inputs().present().forEach((source, spec) -> raw.put(source, reader.read(source, spec, Schemas.input(source))));
    try (IngestBatch batch = new IngestBatch(newIngest(), config, run, raw)) {
      // The table holds the bad rows of the inputs as last read: a full run replaces them, never adds them twice.
      Map<String, SourceCounts> counts =
          batch.quarantine(tables, lake, col("source").isin(raw.keySet().toArray()), this::wrote);
      batch.writeSilver(tables, lake,
          (source, silver) -> tables.replace(Schemas.silver(source), lake.silver(source), silver), this::wrote);
      return counts;
    }
  }

  Ingest newIngest() {
    Analysis a = config.analysis();
    return new Ingest(a.zone(), a.start(), Pseudonymiser.fromConfig(config.privacy()));
  }

  IngestLog ingestLog() {
    return new IngestLog(spark, tables, lake);
  }

  Void wrote(String table, Long version) {
    run.wrote(table, version);
    return null;
  }

  /** Scores every silver campaign for deception into campaign_deception. */
  public void classify() {
    Dataset<Row> scored = CampaignClassifier.from(config.deception()).apply(silver("campaigns"));
    Progress.step("classify", () -> {
      write("campaign_deception",
          tables.replace(Schemas.output("campaign_deception"), lake.gold("campaign_deception"), scored));
      return tables.read(lake.gold("campaign_deception")).selectExpr("count(*)", "count_if(deceptive)").first();
    }, r -> String.format(java.util.Locale.ROOT, "%,d campaigns, %,d deceptive", r.getLong(0), r.getLong(1)));
  }

  /**
   * Reads and checks every input as ingest would, writing nothing; returns the counts per input
   * (the caller applies the quality gate).
   */
  public Map<String, SourceCounts> checkInputs() {
    Analysis a = config.analysis();
    Ingest ingest = new Ingest(a.zone(), a.start(), Pseudonymiser.fromConfig(config.privacy()));
    RawReader reader = new RawReader(spark);
    Map<String, SourceCounts> counts = new LinkedHashMap<>();
    for (Map.Entry<String, InputSpec> in : config.inputs().present().entrySet()) {
      String source = in.getKey();
      Dataset<Row> rows = ingest.check(source, reader.read(source, in.getValue(), Schemas.input(source)));
      counts.put(source, SourceCounts.of(source, rows, ingest.quarantine(source, rows, run.startedAt())));
    }
    return counts;
  }

  /** Builds customer_cohorts, the panel and trust_metrics from silver tables and campaign_deception. */
  public void cohorts() {
    Dataset<Row> customers = panelCustomers();
    writeCohorts(customers, silver("exposures"), silver("events"));
    Progress.step("panel", () -> {
      write("_internal/panel", tables.replace(Schemas.internal("panel"), lake.internal("panel"),
          panelBuilder().apply(customers, silver("events"))));
      return tables.read(lake.internal("panel")).count();
    }, n -> String.format(java.util.Locale.ROOT, "%,d customer x period rows", n));
    writeTrustMetrics();
  }

  /**
   * As {@link #cohorts()}, but rewrites only the panel rows of the periods from {@code from} on
   * (none when null): the panel holds outcomes only, so new exposures that move a customer's
   * cohort change customer_cohorts, not the panel.
   */
  void cohortsUpdatingPanel(java.time.LocalDate from) {
    Dataset<Row> customers = panelCustomers();
    writeCohorts(customers, silver("exposures"), silver("events"));
    if (from != null) {
      Progress.step("panel from " + from, () -> {
        write("_internal/panel", tables.replaceWhere(Schemas.internal("panel"), lake.internal("panel"),
            panelBuilder().apply(customers, silver("events"), from), col("period").geq(lit(java.sql.Date.valueOf(from)))));
        return tables.read(lake.internal("panel")).filter(col("period").geq(lit(java.sql.Date.valueOf(from)))).count();
      }, n -> String.format(java.util.Locale.ROOT, "%,d customer x period rows rewritten", n));
    } else {
      Progress.info("panel: no new event in the window, kept as it was");
    }
    writeTrustMetrics();
  }

  PanelBuilder panelBuilder() {
    Analysis a = config.analysis();
    return new PanelBuilder(periods, a.start(), a.end(), windowEnd, a.unansweredAfterHours(), a.trustIndex());
  }

  /** Customers of the panel: from silver customers, or from activity when there is no customers input. */
  Dataset<Row> panelCustomers() {
    Analysis a = config.analysis();
    PanelCustomers universe = new PanelCustomers(a.start(), a.strata());
    if (config.inputs().customers() != null) {
      return universe.fromCustomers(silver("customers"));
    } else if (a.strata().isEmpty()) {
      return universe.fromActivity(silver("events"), silver("exposures"));
    }
    throw new ConfigException("analysis.strata", "strata " + a.strata() + " need inputs.customers");
  }

  private void writeTrustMetrics() {
    Analysis a = config.analysis();
    Dataset<Row> metrics = new TrustMetrics(periods, a.start(), metricsOfTrustTable(a), a.minCellSize())
        .apply(tables.read(lake.internal("panel")), tables.read(lake.gold("customer_cohorts")));
    Progress.step("trust_metrics", () -> {
      write("trust_metrics", tables.replace(Schemas.output("trust_metrics"), lake.gold("trust_metrics"), metrics));
      return tables.read(lake.gold("trust_metrics")).count();
    }, Progress::rows);
  }

  // customer_cohorts of every active treatment, with a warning for a rule that matched nobody.
  private void writeCohorts(Dataset<Row> customers, Dataset<Row> exposures, Dataset<Row> events) {
    Dataset<Row> deception = read(lake.gold("campaign_deception"), "campaign_deception", "classify");
    List<TreatmentSpec> treatments = config.activeTreatments();
    Dataset<Row> treated = Treatments.of(treatments, new Treatments.Inputs(exposures, silver("campaigns"), events, deception));
    Dataset<Row> cohorts = new CohortAssignment(periods, windowEnd, treatments.stream().map(TreatmentSpec::name).toList())
        .apply(customers, treated, events);
    List<Row> exposed = Progress.step("cohorts", () -> {
      write("customer_cohorts", tables.replace(Schemas.output("customer_cohorts"), lake.gold("customer_cohorts"), cohorts));
      return tables.read(lake.gold("customer_cohorts")).groupBy("treatment")
          .agg(functions.count("cohort_period").as("exposed")).orderBy("treatment").collectAsList();
    }, r -> r.stream().map(t -> String.format(java.util.Locale.ROOT, "%s %,d", t.getString(0), t.getLong(1)))
        .collect(java.util.stream.Collectors.joining(", ", "customers first exposed: ", "")));
    // A rule that matches nothing usually means the input lacks what it reads.
    exposed.stream().filter(t -> t.getLong(1) == 0)
        .forEach(t -> Progress.warn("treatment " + t.getString(0) + " exposed nobody: check that the inputs carry what"
            + " its rule reads (exposures.scheduled_for for late_send, service_contact events for unanswered_contact)"));
  }

  /**
   * Estimates the erosion from the panel and customer_cohorts and writes erosion_att_gt,
   * erosion_curve, erosion_aggregates and erosion_summary, one commit each; holdouts declared in
   * silver campaigns get their sample-ratio check.
   */
  public void estimate() {
    EstimationSettings settings = EstimationSettings.of(config.analysis());
    Dataset<Row> cohorts = read(lake.gold("customer_cohorts"), "customer_cohorts", "cohorts");
    Dataset<Row> sums = classSums(settings);
    Map<String, SampleRatioMismatch.Result> srm = sampleRatioChecks();
    ErosionEstimator.Result r = Progress.step("estimate",
        () -> new ErosionEstimator(settings).fromClassSums(sums, cohorts, srm),
        res -> res.notes().isEmpty() ? "" : res.notes().get(0));
    r.notes().stream().skip(1).forEach(Progress::info);
    r.warnings().forEach(Progress::warn);
    Progress.step("publish erosion tables", () -> {
      write("erosion_att_gt", tables.replace(Schemas.output("erosion_att_gt"), lake.gold("erosion_att_gt"), r.attGt()));
      write("erosion_curve", tables.replace(Schemas.output("erosion_curve"), lake.gold("erosion_curve"), r.curve()));
      write("erosion_aggregates",
          tables.replace(Schemas.output("erosion_aggregates"), lake.gold("erosion_aggregates"), r.aggregates()));
      write("erosion_summary",
          tables.replace(Schemas.output("erosion_summary"), lake.gold("erosion_summary"), r.summary()));
      return tables.read(lake.gold("erosion_att_gt")).count();
    }, n -> String.format(java.util.Locale.ROOT, "%,d ATT(g,t) rows and their curve, aggregates, summary", n));
  }

  /**
   * The panel's class sums (_internal/class_sums): read when built from the lake's current panel
   * and customer_cohorts under these settings, else built from them and stored.
   */
  Dataset<Row> classSums(EstimationSettings settings) {
    String path = lake.internal("class_sums");
    Dataset<Row> panel = read(lake.internal("panel"), "panel", "cohorts");
    Dataset<Row> cohorts = read(lake.gold("customer_cohorts"), "customer_cohorts", "cohorts");
    ClassSumsSource source = classSumsSource(settings);
    if (source.equals(storedClassSumsSource())) return tables.read(path);
    Progress.step("class sums", () -> {
      write("_internal/class_sums", tables.replace(ClassSums.schema(), path,
          ClassSums.stored(settings).of(panel, cohorts), source.properties()));
      return tables.read(path).count();
    }, n -> String.format(java.util.Locale.ROOT, "%,d class x period rows from the panel", n));
    return tables.read(path);
  }

  /**
   * After an incremental run rewrote customer_cohorts and the panel from {@code panelFrom} on
   * (null: panel untouched), updates the stored class sums if they were built from the lake as it
   * was before ({@code before}); otherwise leaves them for {@link #classSums} to build in full.
   */
  void updateClassSums(ClassSumsSource before, java.time.LocalDate panelFrom) {
    String path = lake.internal("class_sums");
    if (before == null || !before.equals(storedClassSumsSource())) {
      Progress.info("class sums: none from the last run's panel and cohorts, built in full");
      return;
    }
    String cohortsPath = lake.gold("customer_cohorts");
    String gone = tables.unreadable(cohortsPath, before.cohorts());
    if (gone != null) {
      Progress.info("class sums: customer_cohorts as the last run left it is needed to update them, but its " + gone
          + "; built in full");
      return;
    }
    EstimationSettings settings = EstimationSettings.of(config.analysis());
    ClassSumsSource now = classSumsSource(settings);
    int from = keptPeriods(settings, panelFrom);
    String what = panelFrom == null ? "no period rewritten" : "periods from " + panelFrom + " summed again";
    Progress.step("class sums", () -> {
      ClassSums.Update u = ClassSums.stored(settings).updated(tables.read(path),
          read(lake.internal("panel"), "panel", "cohorts"), tables.read(cohortsPath, before.cohorts()),
          read(cohortsPath, "customer_cohorts", "cohorts"), from);
      write("_internal/class_sums", tables.replace(ClassSums.schema(), path, u.sums(), now.properties()));
      return new long[] {tables.read(path).count(), u.changedCustomers()};
    }, n -> String.format(java.util.Locale.ROOT, "%,d class x period rows updated (%,d customers changed class, %s)",
        n[0], n[1], what));
  }

  // The periods wholly before panelFrom (all when null) kept their panel rows.
  private static int keptPeriods(EstimationSettings settings, java.time.LocalDate panelFrom) {
    int kept = 0;
    while (kept < settings.periodCount() && (panelFrom == null || !settings.periodAt(kept + 1).isAfter(panelFrom))) {
      kept++;
    }
    return kept;
  }

  /** Source of class sums built now from the lake's panel and customer_cohorts; null when either is missing. */
  ClassSumsSource classSumsSource(EstimationSettings settings) {
    if (!tables.exists(lake.internal("panel")) || !tables.exists(lake.gold("customer_cohorts"))) return null;
    return new ClassSumsSource(tables.version(lake.internal("panel")), tables.version(lake.gold("customer_cohorts")),
        ClassSumsSource.settingsOf(settings));
  }

  private ClassSumsSource storedClassSumsSource() {
    String path = lake.internal("class_sums");
    return tables.exists(path) ? ClassSumsSource.of(tables.properties(path)) : null;
  }

  // The sample-ratio check needs the deceptive campaigns' exposures; without them there is none to make.
  private Map<String, SampleRatioMismatch.Result> sampleRatioChecks() {
    List<String> needed = List.of(lake.silver("exposures"), lake.silver("campaigns"), lake.gold("campaign_deception"));
    if (!needed.stream().allMatch(tables::exists)) {
      Progress.info("no sample-ratio check: silver exposures, campaigns or campaign_deception are missing");
      return Map.of();
    }
    SampleRatioMismatch.Result r = SampleRatioMismatch.test(SampleRatioMismatch.splits(silver("exposures"),
        silver("campaigns"), tables.read(lake.gold("campaign_deception"))));
    return r == null ? Map.of() : Map.of(Treatments.DECEPTIVE_MAIL, r);
  }

  /**
   * Builds survival_curve and survival_test from customer_cohorts and silver events (one commit
   * each) and logs the headline figures; returns the comparisons behind survival_test.
   */
  public List<SurvivalComparison> survival() {
    Analysis a = config.analysis();
    Dataset<Row> cohorts = read(lake.gold("customer_cohorts"), "customer_cohorts", "cohorts");
    Survival.Result result = Progress.step("survival", () -> new Survival(a).apply(cohorts, silver("events")),
        r -> r.comparisons().size() + " comparisons");
    write("survival_curve", tables.replace(Schemas.output("survival_curve"), lake.gold("survival_curve"), result.curve()));
    write("survival_test", tables.replace(Schemas.output("survival_test"), lake.gold("survival_test"), result.test()));
    for (SurvivalComparison c : result.comparisons()) {
      Progress.info("  " + (c.suppressed(a.minCellSize())
          ? c.treatment() + " " + c.outcome() + ": suppressed (an arm has fewer than " + a.minCellSize() + " customers)"
          : c.headline(a.confidence())));
    }
    return result.comparisons();
  }

  /**
   * The campaign audit: campaign_impact (one commit) from silver campaigns, exposures and events,
   * campaign_deception, the panel and customer_cohorts; logs the worst balance.
   */
  public void audit() {
    Analysis a = config.analysis();
    CampaignAudit.Inputs in = new CampaignAudit.Inputs(silver("campaigns"), silver("exposures"), silver("events"),
        read(lake.gold("campaign_deception"), "campaign_deception", "classify"),
        classSums(EstimationSettings.of(a)),
        read(lake.gold("customer_cohorts"), "customer_cohorts", "cohorts"));
    CampaignAudit audit = new CampaignAudit(AuditSettings.of(a, config.audit()), EstimationSettings.of(a));
    Row counts = Progress.step("audit", () -> {
      write("campaign_impact", tables.replace(Schemas.output("campaign_impact"), lake.gold("campaign_impact"),
          audit.apply(in)));
      return tables.read(lake.gold("campaign_impact"))
          .selectExpr("count(*)", "count(net_revenue_effect)", "count_if(suppressed)").first();
    }, r -> String.format(java.util.Locale.ROOT, "%d deceptive campaigns, %d with a net revenue effect, %d with"
        + " suppressed cells", r.getLong(0), r.getLong(1), r.getLong(2)));
    if (counts.getLong(0) > 0 && counts.getLong(1) == 0) {
      Progress.info("  no campaign has a net revenue effect: each needs analysis.horizon periods after its own"
          + " within the window, and at least analysis.min_cell_size first-exposed customers and recipients");
    }
  }

  // The descriptive table shows every panel metric, not only the estimated ones.
  private static List<String> metricsOfTrustTable(Analysis a) {
    return Schemas.internal("panel").columnNames().stream()
        .filter(n -> !n.equals("customer_key") && !n.equals("period")).toList();
  }

  Dataset<Row> silver(String source) {
    return read(lake.silver(source), "silver " + source, "ingest");
  }

  private Dataset<Row> read(String path, String what, String producer) {
    if (!tables.exists(path)) {
      throw new IllegalStateException("table " + what + " is missing at " + path + ": run `trustlens " + producer
          + " --conf ...` (or `trustlens run`) first");
    }
    return tables.read(path);
  }

  private void write(String table, long version) {
    run.wrote(table, version);
  }
}
