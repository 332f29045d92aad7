package com.trustlens.estimate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sample-ratio-mismatch check of randomised holdouts: per deceptive campaign that declares a
 * holdout_share, a chi-square of the customers sent the mail against those held out, expected in
 * the declared proportions; the campaigns' statistics are summed (independent campaigns: the sum
 * is chi-square with one degree of freedom per campaign). A p-value under 0.001 flags the design.
 */
public final class SampleRatioMismatch {
  /** p-value under which the assignment is flagged as broken. */
  public static final double FLAG_BELOW = 0.001;

  private SampleRatioMismatch() {}

  /** Customers sent and held out of one campaign, and its declared holdout share. */
  public record CampaignSplit(String campaignId, long sent, long heldOut, double declaredShare) {}

  /** The combined test; flagged when the p-value is under {@link #FLAG_BELOW}. */
  public record Result(double chiSquare, int campaigns, double pValue, boolean flagged) {}

  /**
   * Counts per deceptive campaign with a declared share (from silver exposures and campaigns and
   * campaign_deception); one row per campaign is collected.
   */
  public static List<CampaignSplit> splits(Dataset<Row> exposures, Dataset<Row> campaigns, Dataset<Row> deception) {
    Dataset<Row> declared = campaigns.filter(col("holdout_share").isNotNull())
        .select(col("campaign_id"), col("holdout_share"))
        .join(deception.filter(col("deceptive")).select("campaign_id"), "campaign_id");
    return exposures.join(declared, "campaign_id")
        .groupBy("campaign_id", "holdout_share")
        .agg(countDistinct(when(col("holdout").unary_$bang(), col("customer_key"))).as("sent"),
            countDistinct(when(col("holdout"), col("customer_key"))).as("held_out"))
        .orderBy("campaign_id")
        .collectAsList().stream()
        .map(r -> new CampaignSplit(r.getString(0), r.getLong(2), r.getLong(3), r.getDouble(1)))
        .toList();
  }

  /** @return null when no campaign declares a share strictly between 0 and 1 and has customers */
  public static Result test(List<CampaignSplit> splits) {
    double chi = 0;
    int k = 0;
    for (CampaignSplit s : splits) {
      double n = s.sent() + s.heldOut();
      double p = s.declaredShare();
      if (n == 0 || !(p > 0 && p < 1)) continue;
      double expectedHeld = n * p;
      double expectedSent = n * (1 - p);
      chi += square(s.heldOut() - expectedHeld) / expectedHeld + square(s.sent() - expectedSent) / expectedSent;
      k++;
    }
    if (k == 0) return null;
    double pValue = 1 - new ChiSquaredDistribution(null, k).cumulativeProbability(chi);
    return new Result(chi, k, pValue, pValue < FLAG_BELOW);
  }

  private static double square(double x) {
    return x * x;
  }
}
