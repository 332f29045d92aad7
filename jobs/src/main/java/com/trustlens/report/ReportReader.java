package com.trustlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import com.trustlens.pipeline.Lake;
import com.trustlens.publish.DeltaTables;
import com.trustlens.report.TrustReport.Section;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads what the trust report shows from the Delta tables of a lake (small, filtered reads only). */
public final class ReportReader {
  /** The campaign audit table (SPEC §7); a lake written before the audit existed has none. */
  public static final String CAMPAIGN_IMPACT = "campaign_impact";
  static final String ALL = "all";

  private final SparkSession spark;
  private final Lake lake;
  private final String treatment;
  private final DeltaTables tables;

  public ReportReader(SparkSession spark, Lake lake, String treatment) {
    this.spark = spark;
    this.lake = lake;
    this.treatment = treatment;
    this.tables = new DeltaTables(spark, "report");
  }

  /** The whole report model. */
  public TrustReport read() {
    List<Map<String, Object>> runs = runsNewestFirst();
    Map<String, Object> run = runs.stream().filter(r -> "succeeded".equals(r.get("status"))).findFirst().orElse(Map.of());
    Map<String, Object> failure = runs.isEmpty() || "succeeded".equals(runs.get(0).get("status")) ? Map.of() : runs.get(0);
    Map<String, Object> ingestRun = runs.stream()
        .filter(r -> "succeeded".equals(r.get("status")) && r.get("input_rows") instanceof Map<?, ?> m && !m.isEmpty())
        .findFirst().orElse(Map.of());
    return new TrustReport(lake.root(), treatment, Instant.now().toString(), run, failure,
        section("erosion_summary", d -> d.filter(ofTreatmentAll()).orderBy("metric")),
        section("erosion_curve", d -> d.filter(ofTreatmentAll())
            .select("metric", "event_time", "att", "se", "ci_low", "ci_high", "band_low", "band_high", "n_treated",
                "n_control", "suppressed")
            .orderBy("metric", "event_time")),
        new CampaignAuditReader(tables, lake).impact(),
        section("campaign_deception", d -> d.filter(col("deceptive"))
            .select("campaign_id", "sent_at", "kind", "deception_score", "label_source", "rules").orderBy("sent_at")),
        section("survival_curve", d -> d.filter(col("treatment").equalTo(treatment).and(col("stratum").equalTo(ALL))
                .and(col("suppressed").equalTo(false)))
            .select("outcome", "arm", "day", "at_risk", "events", "survival", "ci_low", "ci_high")
            .orderBy("outcome", "arm", "day")),
        section("survival_test", d -> d.filter(col("treatment").equalTo(treatment)).orderBy("outcome")),
        inputs(ingestRun),
        quarantine(ingestRun),
        tableVersions(runs));
  }

  private org.apache.spark.sql.Column ofTreatmentAll() {
    return col("treatment").equalTo(treatment).and(col("breakdown").equalTo(ALL));
  }

  /** Reads a table through a query, or says that it is not in the lake. */
  private Section section(String table, UnaryOperator<Dataset<Row>> query) {
    String path = lake.gold(table);
    if (!tables.exists(path)) {
      return Section.notAvailable(table, "table " + table + " is not in the lake (" + path + ")");
    }
    return Section.of(table, RowValues.of(query.apply(tables.read(path)).collectAsList()));
  }

  private List<Map<String, Object>> runsNewestFirst() {
    String path = lake.gold("runs");
    if (!tables.exists(path)) return List.of();
    return RowValues.of(tables.read(path).orderBy(col("finished_at").desc()).limit(50).collectAsList());
  }

  @SuppressWarnings("unchecked")
  private static Section inputs(Map<String, Object> ingestRun) {
    if (ingestRun.isEmpty()) return Section.notAvailable("runs", "no succeeded run has read inputs yet");
    Map<String, Object> read = (Map<String, Object>) ingestRun.get("input_rows");
    Map<String, Object> quarantined = (Map<String, Object>) ingestRun.getOrDefault("quarantined_rows", Map.of());
    Map<String, Object> duplicates = (Map<String, Object>) ingestRun.getOrDefault("duplicate_rows", Map.of());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Object> e : read.entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", e.getKey());
      row.put("rows", e.getValue());
      row.put("quarantined", quarantined == null ? null : quarantined.get(e.getKey()));
      row.put("duplicates", duplicates == null ? null : duplicates.get(e.getKey()));
      rows.add(row);
    }
    return Section.of("runs", rows);
  }

  private Section quarantine(Map<String, Object> ingestRun) {
    if (ingestRun.isEmpty()) return Section.notAvailable("quarantine", "no succeeded run has read inputs yet");
    // The table holds the bad rows of the inputs as last read (an incremental run adds its new files').
    return section("quarantine", d -> d
        .groupBy("source", "reason").agg(count(lit(1)).as("rows")).orderBy(col("rows").desc(), col("source"), col("reason")));
  }

  /**
   * The current version of every table, from the runs table: the version the latest run that
   * wrote it recorded (each run records the Delta version of every table it wrote), with that run.
   * Cheaper than reading every table's Delta history, and the same for tables only TrustLens writes.
   */
  @SuppressWarnings("unchecked")
  static Section tableVersions(List<Map<String, Object>> runsNewestFirst) {
    Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
    for (Map<String, Object> run : runsNewestFirst) {
      if (!(run.get("output_versions") instanceof Map<?, ?> versions)) continue;
      for (Map.Entry<String, Object> v : ((Map<String, Object>) versions).entrySet()) {
        if (v.getKey().startsWith("_") || latest.containsKey(v.getKey())) continue;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", v.getKey());
        row.put("version", v.getValue());
        row.put("run_id", run.get("run_id"));
        row.put("command", run.get("command"));
        row.put("finished_at", run.get("finished_at"));
        latest.put(v.getKey(), row);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>(latest.values());
    rows.sort(java.util.Comparator.comparing(r -> (String) r.get("table")));
    return Section.of("runs", rows);
  }
}
