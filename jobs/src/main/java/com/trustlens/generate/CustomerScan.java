package com.trustlens.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The first week of each kind of draw that shapes a customer's trajectory, as if the customer
 * stayed reachable all along: first delivered deceptive mail (d*), first never-answered service
 * contact, first spam complaint at the baseline hazard. Customers are exploded against the
 * deceptive campaigns and the weeks, hits are kept, and one small aggregation per customer takes
 * the minimum; every customer keeps a row (a null hit), so no join is needed.
 */
final class CustomerScan {
  private static final String DECEPTIVE = "deceptive";
  private static final String UNANSWERED = "unanswered";
  private static final String COMPLAINT = "complaint";

  private final int weeks;
  private final Draws draws;
  private final Mails mails;
  private final ModelParameters params;

  CustomerScan(int weeks, Draws draws, Mails mails, ModelParameters params) {
    this.weeks = weeks;
    this.draws = draws;
    this.mails = mails;
    this.params = params;
  }

  /**
   * From customers with {@code n}, {@code segment_idx}, {@code lang} and {@code sp_complaint}, one
   * row per customer: n, first_deceptive_week, unanswered_candidate_week, first_complaint_week;
   * {@code deceptive} is one row holding {@code campaigns}, the deceptive campaigns' targeting structs.
   */
  Dataset<Row> firstWeeks(Dataset<Row> customers, Dataset<Row> deceptive, int partitions) {
    Mails.Ref c = Mails.Ref.of(col("c"));
    Dataset<Row> deceptiveHits = customers.crossJoin(broadcast(deceptive))
        .select(col("n"), col("segment_idx"), col("lang"), explode(col("campaigns")).as("c"))
        .filter(mails.treats(c))
        .select(col("n"), lit(DECEPTIVE).as("kind"), col("c.week").as("week"));
    Column week = col("week");
    Column unanswered = draws.uniform("contact", Mails.customer(), week).lt(params.serviceContactRate())
        .and(draws.uniform("reply", Mails.customer(), week).geq(params.replyShare()));
    Column complaint = draws.uniform("complaint", Mails.customer(), week).lt(col("sp_complaint"));
    Dataset<Row> weekHits = customers
        .select(col("n"), col("sp_complaint"), explode(sequence(lit(0), lit(weeks - 1))).as("week"))
        .select(col("n"), week, unanswered.as("unanswered"), complaint.as("complaint"))
        .filter(col("unanswered").or(col("complaint")))
        .select(col("n"), week, explode(array(when(col("unanswered"), lit(UNANSWERED)),
            when(col("complaint"), lit(COMPLAINT)))).as("kind"))
        .filter(col("kind").isNotNull());
    Dataset<Row> everyone = customers.select(col("n"), lit(null).cast("string").as("kind"), lit(null).cast("int").as("week"));
    return everyone.unionByName(deceptiveHits).unionByName(weekHits)
        .repartition(partitions, col("n"))
        .groupBy("n")
        .agg(min(when(col("kind").equalTo(DECEPTIVE), week)).as("first_deceptive_week"),
            min(when(col("kind").equalTo(UNANSWERED), week)).as("unanswered_candidate_week"),
            min(when(col("kind").equalTo(COMPLAINT), week)).as("first_complaint_week"));
  }
}
