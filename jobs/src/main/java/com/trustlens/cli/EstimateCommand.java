package com.trustlens.cli;

import static org.apache.spark.sql.functions.col;

import com.trustlens.pipeline.Pipeline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** trustlens estimate: the erosion tables and the campaign audit from the panel and customer_cohorts. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = "Estimate the erosion (staggered DiD event study) from the panel: erosion_att_gt, erosion_curve,"
        + " erosion_aggregates, erosion_summary; and the campaign audit, campaign_impact.")
final class EstimateCommand extends PipelineCommand {
  @Override
  void steps(Pipeline p) {
    p.estimate();
    p.audit();
  }

  @Override
  String verb() {
    return "estimate";
  }

  /** The headline: overall, short-term and horizon effects of every metric, all customers. */
  @Override
  void summary(Pipeline pipeline, SparkSession spark) {
    Dataset<Row> rows = spark.read().format("delta").load(pipeline.lake().gold("erosion_summary"))
        .filter(col("breakdown").equalTo("all"))
        .select("treatment", "metric", "overall_att", "se", "p_value_holm", "short_term_effect", "effect_at_horizon",
            "pretrend_p_value", "srm_flag")
        .orderBy("treatment", "metric");
    TableFormatter.print(rows.schema(), rows.toLocalIterator(), TableFormatter.Format.TABLE, System.out);
  }
}
