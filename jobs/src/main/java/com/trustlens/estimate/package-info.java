/**
 * Erosion estimation (SPEC §6): a staggered difference-in-differences event study in the sense of
 * Callaway and Sant'Anna (2021), at Spark scale.
 *
 * <p><b>Estimand.</b> For every treatment, cohort g (period of the first exposure) and period t,
 * ATT(g,t) is the cohort's mean change of a metric from its base period (g-1 for t &gt;= g; t-1
 * for t &lt; g, the "varying" base of the reference package) minus the mean change of its controls
 * over the same periods, within each stratum of {@code analysis.strata}, averaged over strata
 * with the cohort's treated customers as weights ({@link com.trustlens.estimate.GroupTimeEffects}).
 * Controls ({@code analysis.control_group}) are never-treated customers, not-yet-treated ones
 * (first treated after t, cohort g excluded), or the holdouts of the campaigns of g; always only
 * customers still reachable at the start of g ({@code exit_period} null or &gt;= g), weighted by
 * the inverse probability of having stayed untreated given how long they stayed reachable
 * ({@link com.trustlens.estimate.AttritionWeights}: leavers cannot be treated any more). Aggregations
 * ({@link com.trustlens.estimate.EventStudy}): ATT(e) over cohorts weighted by cohort size, each
 * cohort's average over e = 0..horizon, each calendar period's, and the overall effect.
 *
 * <p><b>One distributed pass</b> ({@link com.trustlens.estimate.ClassSums}, then {@link
 * com.trustlens.estimate.SufficientStatistics}). Panel x cohorts is summed by customer class
 * (treatment, cohort, first campaign, exit period, holdout period, stratum, dose 1/2/3+, bucket =
 * pmod(xxhash64(seed, customer_key), B)) and period, stored by a run and updated by an incremental
 * one; a broadcast join with
 * the list of cells (each reads its period with sign + and its base with sign -) then gives, per
 * cell, arm (controls, dose 1, 2, 3+), stratum and bucket, the customer count and the sum of every
 * metric's change. That table is bounded by treatments x cells x 4 x strata x B rows whatever the
 * number of customers, and is streamed to the driver ({@link com.trustlens.estimate.CellStatistics}).
 *
 * <p><b>Inference.</b> A panel is balanced, so every estimate is a smooth function of sums, and its
 * influence function summed over the customers of a bucket is linear in that bucket's sums: the
 * bucket sums {@code phi_b} of the influence function are exact. The variance is {@code sum_b
 * phi_b^2}, the customer-clustered variance with customers grouped at random into B buckets (in
 * expectation (1 - 1/B) times the customer-level one; exactly it with one customer per bucket).
 * Aggregations add the influence of the estimated cohort-size weights as the reference package does
 * ({@link com.trustlens.estimate.EffectAggregator}). Intervals use Student's t with B - 1 degrees
 * of freedom ({@link com.trustlens.estimate.Inference}); uniform bands a multiplier bootstrap with
 * one Mammen weight per bucket ({@link com.trustlens.estimate.MultiplierBootstrap}); the placebo
 * a Wald test of the pre-period ATT(e) in Hotelling's F form ({@link
 * com.trustlens.estimate.PretrendTest}); randomised holdouts a sample-ratio chi-square ({@link
 * com.trustlens.estimate.SampleRatioMismatch}). docs/estimation.md has the reasoning and the
 * validation figures.
 */
package com.trustlens.estimate;
