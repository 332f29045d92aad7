package com.trustlens.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.trustlens.config.InputSpec;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.ingest.GrowthCheck;
import com.trustlens.ingest.Ingest;
import com.trustlens.ingest.InputState;
import com.trustlens.ingest.RawReader;
import com.trustlens.ingest.RunPlan;
import com.trustlens.schema.Schemas;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * `trustlens run`: incremental when the inputs only grew since the last complete run (new files
 * ingested and merged into silver, the panel rewritten from the first period new events touch,
 * the class sums updated for those periods and the customers whose class changed, every later
 * table recomputed from them), full otherwise or with --full; the run's inputs are recorded in
 * _internal/ingest_log when it completes.
 */
public final class IncrementalRun {
  /** What an incremental ingest found: a reason to run in full instead, or the first panel period to rebuild. */
  private record Update(String fallback, LocalDate panelFrom) {}

  private final Pipeline p;

  public IncrementalRun(Pipeline pipeline) {
    this.p = pipeline;
  }

  /** Runs every step, incrementally when it can; returns whether the run was incremental. */
  public boolean run(boolean forceFull) {
    RunPlan plan = plan(forceFull);
    if (plan.incremental() && !p.tables().exists(p.lake().internal("panel"))) {
      plan = plan.fallBack("the panel of the last run is missing from the lake");
    }
    Update update = plan.incremental() ? ingestNew(plan) : null;
    if (update != null && update.fallback() != null) plan = plan.fallBack(update.fallback());
    if (plan.incremental()) {
      Progress.info("incremental run: " + describe(plan) + (update.panelFrom() == null ? ""
          : "; panel rebuilt from " + update.panelFrom()));
      p.classify();
      ClassSumsSource before = p.classSumsSource(EstimationSettings.of(p.config().analysis()));
      p.cohortsUpdatingPanel(update.panelFrom());
      p.updateClassSums(before, update.panelFrom());
    } else {
      Progress.info("full run: " + plan.fullReason());
      p.ingest();
      p.classify();
      p.cohorts();
    }
    p.estimate();
    p.survival();
    p.audit();
    p.wrote("_internal/ingest_log", p.ingestLog().write(plan.current(), p.run().configHash(), p.run().runId()));
    return plan.incremental();
  }

  /** Compares the inputs with what the last complete run read. */
  RunPlan plan(boolean forceFull) {
    IngestLog.Last last = p.ingestLog().read();
    InputScanner scanner = new InputScanner(p.spark());
    Map<String, InputState> current = new LinkedHashMap<>();
    for (Map.Entry<String, InputSpec> in : p.config().inputs().present().entrySet()) {
      InputState before = last.inputs().get(in.getKey());
      current.put(in.getKey(), scanner.scan(in.getKey(), in.getValue(), before == null ? null : before.deltaVersion()));
    }
    if (forceFull) return RunPlan.full("--full was given", current);
    return GrowthCheck.plan(last.configHash(), last.inputs(), p.run().configHash(), current);
  }

  // Reads the new files only; rows repeating a key already in silver would need the full dedup.
  private Update ingestNew(RunPlan plan) {
    RawReader reader = new RawReader(p.spark());
    Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
    plan.newFiles().forEach((source, files) -> {
      if (!files.isEmpty()) {
        raw.put(source, reader.read(source, p.config().inputs().present().get(source), Schemas.input(source), files));
      }
    });
    if (raw.isEmpty()) return new Update(null, null);
    try (IngestBatch batch = new IngestBatch(p.newIngest(), p.config(), p.run(), raw)) {
      for (String source : batch.sources()) {
        long repeated = repeatedKeys(source, batch.silver(source));
        if (repeated > 0) {
          return new Update("input " + source + ": " + repeated + " new rows repeat a key already ingested"
              + " (" + String.join(", ", Ingest.silverKey(source)) + "), which only a full dedup settles", null);
        }
      }
      // New files' bad rows are added to those of the files read before.
      batch.quarantine(p.tables(), p.lake(), col("run_id").equalTo(p.run().runId()), p::wrote);
      LocalDate from = raw.containsKey("events") ? firstTouched(batch.silver("events")) : null;
      batch.writeSilver(p.tables(), p.lake(), (source, silver) -> p.tables().mergeNew(Schemas.silver(source),
          p.lake().silver(source), silver, Ingest.silverKey(source)), p::wrote);
      // A customer new to the panel needs every period.
      return new Update(null, newPanelCustomers() ? p.config().analysis().start() : from);
    }
  }

  private long repeatedKeys(String source, Dataset<Row> fresh) {
    if (!p.tables().exists(p.lake().silver(source))) return 0;
    Dataset<Row> old = p.silver(source);
    Column same = lit(true);
    for (String k : Ingest.silverKey(source)) same = same.and(fresh.col(k).eqNullSafe(old.col(k)));
    return fresh.join(old, same, "left_semi").count();
  }

  private LocalDate firstTouched(Dataset<Row> newEvents) {
    Row r = p.panelBuilder().firstTouchedPeriod(newEvents).first();
    return r.isNullAt(0) ? null : ((Date) r.get(0)).toLocalDate();
  }

  private boolean newPanelCustomers() {
    Date start = Date.valueOf(p.config().analysis().start());
    Dataset<Row> known = p.tables().read(p.lake().internal("panel")).filter(col("period").equalTo(lit(start)));
    return !p.panelCustomers().select("customer_key")
        .join(known, com.trustlens.util.Seqs.of("customer_key"), "left_anti").isEmpty();
  }

  private static String describe(RunPlan plan) {
    StringBuilder s = new StringBuilder();
    plan.newFiles().forEach((source, files) -> s.append(s.length() == 0 ? "" : ", ").append(source).append(' ')
        .append(files.size()).append(files.size() == 1 ? " new file" : " new files"));
    return plan.nothingNew() ? "nothing new in the inputs" : s.toString();
  }
}
