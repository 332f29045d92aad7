package com.trustlens.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.trustlens.cohort.CohortAssignment;
import com.trustlens.cohort.PanelCustomers;
import com.trustlens.cohort.Treatments;
import com.trustlens.config.Analysis;
import com.trustlens.config.InputSpec;
import com.trustlens.config.TrustLensConfig;
import com.trustlens.deception.CampaignClassifier;
import com.trustlens.estimate.ErosionEstimator;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.estimate.SampleRatioMismatch;
import com.trustlens.ingest.Ingest;
import com.trustlens.ingest.Pseudonymiser;
import com.trustlens.ingest.RawReader;
import com.trustlens.panel.PanelBuilder;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The pipeline's pure steps chained in memory for one replication: ingest (check, silver),
 * classify, cohorts and panel, estimate. The same functions as `trustlens run` calls, without the
 * Delta commits, quarantine, trust_metrics and survival that a validation does not score, so that
 * hundreds of replications stay affordable. Campaigns are labelled with the generator's planted
 * labels, so that the score is the estimator's alone: the rules' misses (counted in
 * {@link Result#labelErrors}) would otherwise put treated customers among the controls.
 */
final class ReplicationChain {
  private final SparkSession spark;
  private final TrustLensConfig config;
  private final Set<String> plantedDeceptive;
  private final List<Dataset<Row>> cached = new ArrayList<>();

  /** What a replication gives: the estimates, and how many campaigns the rules labelled otherwise than planted. */
  record Result(ErosionEstimator.Result estimates, ValidationTally.LabelErrors labelErrors) {}

  ReplicationChain(SparkSession spark, TrustLensConfig config, Set<String> plantedDeceptive) {
    this.spark = spark;
    this.config = config;
    this.plantedDeceptive = Set.copyOf(plantedDeceptive);
  }

  /** Runs the chain; intermediate tables are cached for its duration only. */
  Result run() {
    try {
      Map<String, Dataset<Row>> silver = silver();
      Dataset<Row> classified = cache(CampaignClassifier.from(config.deception()).apply(silver.get("campaigns")));
      Column planted = col("campaign_id").isin(plantedDeceptive.toArray());
      // One row per campaign: a small table whatever the number of customers.
      Row errors = classified.agg(
          sum(when(planted.and(not(col("deceptive"))), 1).otherwise(0)).cast("long"),
          sum(when(not(planted).and(col("deceptive")), 1).otherwise(0)).cast("long")).first();
      ValidationTally.LabelErrors labelErrors = new ValidationTally.LabelErrors(errors.isNullAt(0) ? 0 : errors.getLong(0),
          errors.isNullAt(1) ? 0 : errors.getLong(1), plantedDeceptive.size());
      Dataset<Row> deception = classified.withColumn("deceptive", planted);
      Analysis a = config.analysis();
      Periods periods = new Periods(a.period(), a.zone());
      Instant windowEnd = a.end().plusDays(1).atStartOfDay(a.zone()).toInstant();
      Dataset<Row> customers = new PanelCustomers(a.start(), a.strata()).fromCustomers(silver.get("customers"));
      Dataset<Row> cohorts = cache(new CohortAssignment(periods, windowEnd, List.of(Treatments.DECEPTIVE_MAIL))
          .apply(customers, Treatments.deceptiveMail(silver.get("exposures"), deception), silver.get("events")));
      Dataset<Row> panel = cache(new PanelBuilder(periods, a.start(), a.end(), windowEnd, a.unansweredAfterHours(),
          a.trustIndex()).apply(customers, silver.get("events")));
      SampleRatioMismatch.Result srm = SampleRatioMismatch.test(
          SampleRatioMismatch.splits(silver.get("exposures"), silver.get("campaigns"), deception));
      Map<String, SampleRatioMismatch.Result> checks =
          srm == null ? Map.of() : Map.of(Treatments.DECEPTIVE_MAIL, srm);
      // The result's tables are built on the driver: they outlive the cached inputs.
      return new Result(new ErosionEstimator(EstimationSettings.of(a)).apply(panel, cohorts, checks), labelErrors);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  private Map<String, Dataset<Row>> silver() {
    Analysis a = config.analysis();
    Ingest ingest = new Ingest(a.zone(), a.start(), Pseudonymiser.fromConfig(config.privacy()));
    RawReader reader = new RawReader(spark);
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    for (Map.Entry<String, InputSpec> in : config.inputs().present().entrySet()) {
      String source = in.getKey();
      out.put(source, cache(ingest.silver(source, ingest.check(source, reader.read(source, in.getValue(),
          Schemas.input(source))))));
    }
    return out;
  }

  private Dataset<Row> cache(Dataset<Row> d) {
    Dataset<Row> c = d.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(c);
    return c;
  }
}
