package com.trustlens.generate;

import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One row per customer: attributes written to customers.csv, segment parameters ({@code sp_*}),
 * and the customer's whole trajectory in closed form, derived from hashed uniforms:
 * <ul>
 *   <li>{@code first_deceptive_week}: the first week with a delivered, not held-out deceptive mail
 *       if the customer were reachable all along (d*); {@code cohort} = d* when the customer is
 *       still reachable then (baseline exit week {@code >=} d*), else null (never treated);</li>
 *   <li>{@code unsubscribe_week}, {@code close_week}: geometric exit times, by inversion of one
 *       uniform each through the piecewise survival function (baseline hazard before d*, the
 *       treated hazard from d* on); {@code exit_week} = the earlier one. A customer is reachable
 *       (gets mails, acts) in weeks 0..exit_week; the exit event ends the exit week;</li>
 *   <li>{@code late_week}, {@code unanswered_week}: the weeks of the first late birthday mail and
 *       the first never-answered service contact, if the customer is still reachable then;</li>
 *   <li>{@code complained_before_cohort}: a spam complaint before the cohort week.</li>
 * </ul>
 * Weeks at or beyond the window's length mean "not in the window".
 */
final class CustomerModel {
  /** Cap of a weekly hazard after its ratio is applied (the truth uses the same cap). */
  static final double MAX_HAZARD = 0.99;
  private static final String[] FIRST_NAMES = {"camille", "lea", "manon", "chloe", "ines", "sarah", "julie",
      "lucas", "hugo", "louis", "nathan", "thomas", "paul", "arthur", "emma", "alice", "jade", "noah"};
  private static final String[] LAST_NAMES = {"martin", "bernard", "dubois", "thomas", "robert", "richard",
      "petit", "durand", "leroy", "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "smith", "jones"};
  private static final String[] DOMAINS = {"gmail.com", "orange.fr", "free.fr", "outlook.com", "laposte.net",
      "yahoo.fr", "sfr.fr"};

  private final GenerateOptions options;
  private final ModelParameters params;
  private final Draws draws;
  private final Mails mails;
  private final Behaviour behaviour;

  CustomerModel(GenerateOptions options, ModelParameters params, Draws draws, Mails mails, Behaviour behaviour) {
    this.options = options;
    this.params = params;
    this.draws = draws;
    this.mails = mails;
    this.behaviour = behaviour;
  }

  /** Digits of customer ids: room for the customers and the few extra ids of injected bad rows. */
  static int idWidth(int customers) {
    return Math.max(7, String.valueOf(customers + 100L).length());
  }

  static Column customerId(Column n, int customers) {
    return concat(lit("C"), lpad(n.cast("string"), idWidth(customers), "0"));
  }

  /** Every customer 1..N; {@code deceptiveCampaigns} is {@link CampaignTable#deceptive}. */
  Dataset<Row> build(SparkSession spark, Dataset<Row> deceptiveCampaigns, int partitions) {
    Dataset<Row> ids = spark.range(1, options.customers() + 1L, 1, partitions).toDF("n");
    return trajectories(attributes(ids).crossJoin(broadcast(deceptiveCampaigns)));
  }

  private Column u(String stream) {
    return draws.uniform(stream, col("customer_id"));
  }

  private Column bySegment(Function<SegmentProfile, Object> value) {
    List<SegmentProfile> segments = params.segments();
    Column out = lit(value.apply(segments.get(segments.size() - 1)));
    for (int i = segments.size() - 2; i >= 0; i--) {
      out = when(col("segment_idx").equalTo(i), lit(value.apply(segments.get(i)))).otherwise(out);
    }
    return out;
  }

  private Dataset<Row> attributes(Dataset<Row> ids) {
    List<SegmentProfile> segments = params.segments();
    Column segmentIdx = lit(segments.size() - 1);
    double cumulative = 1.0;
    for (int i = segments.size() - 2; i >= 0; i--) {
      cumulative -= segments.get(i + 1).share();
      segmentIdx = when(u("segment").lt(cumulative), lit(i)).otherwise(segmentIdx);
    }
    Column country = pick(u("country"), new String[] {"FR", "BE", "CH", "LU", "GB", "IE", "CA"},
        new double[] {0.72, 0.10, 0.06, 0.02, 0.06, 0.02, 0.02});
    Column birth = date_sub(lit(options.start()), lit(18 * 365).plus(floor(u("birth").multiply(62 * 365))).cast("int"));
    Column signupDays = col("sp_signup_min").plus(floor(u("signup").multiply(col("sp_signup_max").minus(col("sp_signup_min")).plus(1))));
    Column loyalty = col("sp_loyalty_min").plus(floor(u("loyalty").multiply(col("sp_loyalty_max").minus(col("sp_loyalty_min")).plus(1))));
    Column email = lower(concat(element(FIRST_NAMES, "first-name"), lit("."), element(LAST_NAMES, "last-name"),
        col("n").mod(1000).cast("string"), lit("@"), element(DOMAINS, "domain")));
    return ids
        .withColumn("customer_id", customerId(col("n"), options.customers()))
        .withColumn("segment_idx", segmentIdx)
        .withColumn("segment", bySegment(SegmentProfile::name))
        .withColumn("sp_open", bySegment(SegmentProfile::openRate))
        .withColumn("sp_open_trend", bySegment(SegmentProfile::openTrend))
        .withColumn("sp_click", bySegment(SegmentProfile::clickGivenOpen))
        .withColumn("sp_purchase", bySegment(SegmentProfile::purchaseRate))
        .withColumn("sp_purchase_trend", bySegment(SegmentProfile::purchaseTrend))
        .withColumn("sp_browse", bySegment(SegmentProfile::browseRate))
        .withColumn("sp_unsubscribe", bySegment(SegmentProfile::unsubscribeHazard))
        .withColumn("sp_close", bySegment(SegmentProfile::closeHazard))
        .withColumn("sp_complaint", bySegment(SegmentProfile::complaintHazard))
        .withColumn("sp_amount", bySegment(SegmentProfile::meanAmount))
        .withColumn("sp_nps", bySegment(SegmentProfile::npsMean))
        .withColumn("sp_signup_min", bySegment(SegmentProfile::signupDaysMin))
        .withColumn("sp_signup_max", bySegment(SegmentProfile::signupDaysMax))
        .withColumn("sp_loyalty_min", bySegment(SegmentProfile::loyaltyMin))
        .withColumn("sp_loyalty_max", bySegment(SegmentProfile::loyaltyMax))
        .withColumn("engagement", lit(0.6).plus(u("engagement").multiply(0.8)))
        .withColumn("country", country)
        .withColumn("lang", when(col("country").isin("GB", "IE"), lit("en")).otherwise(lit("fr")))
        .withColumn("gender", pick(u("gender"), new String[] {"F", "M", null}, new double[] {0.54, 0.42, 0.04}))
        // Nobody is born on 29 February, so that every birthday exists every year.
        .withColumn("birth_date", when(u("birth-known").lt(0.96),
            when(month(birth).equalTo(2).and(dayofmonth(birth).equalTo(29)), date_sub(birth, 1)).otherwise(birth)))
        .withColumn("signup_date", date_sub(lit(options.start()), signupDays.cast("int")))
        .withColumn("email", email)
        .withColumn("loyalty_points", loyalty.cast("int"));
  }

  private Column element(String[] values, String stream) {
    return element_at(org.apache.spark.sql.functions.array(java.util.Arrays.stream(values).map(v -> lit(v))
        .toArray(Column[]::new)), floor(u(stream).multiply(values.length)).cast("int").plus(1));
  }

  private static Column pick(Column u, String[] values, double[] shares) {
    Column out = lit(values[values.length - 1]);
    double cumulative = 1.0;
    for (int i = values.length - 2; i >= 0; i--) {
      cumulative -= shares[i + 1];
      out = when(u.lt(cumulative), lit(values[i])).otherwise(out);
    }
    return out;
  }

  /** Exit week by inversion: baseline hazard h0 before {@code switchWeek}, h1 from it on. */
  static Column exitWeek(Column uniform, Column h0, Column h1, Column switchWeek) {
    Column lnU = log(uniform);
    Column ln0 = log(lit(1.0).minus(least(h0, lit(MAX_HAZARD))));
    Column ln1 = log(lit(1.0).minus(least(h1, lit(MAX_HAZARD))));
    Column baseline = least(floor(lnU.divide(ln0)), lit(1_000_000L));
    Column treated = least(switchWeek.plus(floor(lnU.minus(switchWeek.multiply(ln0)).divide(ln1))), lit(1_000_000L));
    return when(switchWeek.isNull().or(baseline.lt(switchWeek)), baseline).otherwise(treated).cast("int");
  }

  private Dataset<Row> trajectories(Dataset<Row> customers) {
    int weeks = options.weeks();
    Column weeksSeq = sequence(lit(0), lit(weeks - 1));
    Column firstDeceptive = array_min(transform(
        filter(col("deceptive_campaigns"), mails::treats), c -> c.getField("week")));
    Column yes = lit(true);
    Column no = lit(false);
    Column d = col("first_deceptive_week");
    Column lateWeek = mails.lateCandidateWeek(col("birthday_days"));
    Column unansweredWeek = array_min(filter(weeksSeq, s ->
        draws.uniform("contact", col("customer_id"), s).lt(params.serviceContactRate())
            .and(draws.uniform("reply", col("customer_id"), s).geq(params.replyShare()))));
    Column complainedBefore = exists(weeksSeq, s -> s.lt(col("cohort"))
        .and(draws.uniform("complaint", col("customer_id"), s).lt(behaviour.complaintHazard(no))));
    return customers
        .withColumn("first_deceptive_week", firstDeceptive)
        .withColumn("baseline_exit_week", least(
            exitWeek(u("unsubscribe"), behaviour.unsubscribeHazard(no), behaviour.unsubscribeHazard(no), lit(null)),
            exitWeek(u("close"), behaviour.closeHazard(no), behaviour.closeHazard(no), lit(null))))
        .withColumn("cohort", when(d.leq(col("baseline_exit_week")), d))
        .withColumn("unsubscribe_week", exitWeek(u("unsubscribe"), behaviour.unsubscribeHazard(no),
            behaviour.unsubscribeHazard(yes), d))
        .withColumn("close_week", exitWeek(u("close"), behaviour.closeHazard(no), behaviour.closeHazard(yes), d))
        .withColumn("exit_week", least(col("unsubscribe_week"), col("close_week")))
        .withColumn("birthday_days", mails.birthdayDays(col("birth_date")))
        .withColumn("late_week", when(lateWeek.leq(col("exit_week")), lateWeek))
        .withColumn("late_candidate_week", lateWeek)
        .withColumn("unanswered_week", when(unansweredWeek.leq(col("exit_week")), unansweredWeek))
        .withColumn("unanswered_candidate_week", unansweredWeek)
        .withColumn("complained_before_cohort", when(col("cohort").isNotNull(), complainedBefore))
        .drop("deceptive_campaigns");
  }
}
