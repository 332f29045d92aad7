package com.trustlens.generate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per customer: attributes written to customers.csv, segment parameters ({@code sp_*}),
 * and the customer's whole trajectory in closed form, derived from hashed uniforms keyed by the
 * customer's number {@code n}:
 * <ul>
 *   <li>{@code first_deceptive_week} ({@link CustomerScan}): the first week with a delivered, not
 *       held-out deceptive mail if the customer were reachable all along (d*); {@code cohort} = d*
 *       when the customer is still reachable then (baseline exit week {@code >=} d*), else null
 *       (never treated);</li>
 *   <li>{@code unsubscribe_week}, {@code close_week}: geometric exit times, by inversion of one
 *       uniform each through the piecewise survival function (baseline hazard before d*, the
 *       treated hazard from d* on); {@code exit_week} = the earlier one. A customer is reachable
 *       (gets mails, acts) in weeks 0..exit_week; the exit event ends the exit week;</li>
 *   <li>{@code late_week}, {@code unanswered_week}: the weeks of the first late birthday mail and
 *       the first never-answered service contact, if the customer is still reachable then (the
 *       {@code _candidate_} columns: whether reachable or not, for the counterfactual);</li>
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
  /** Segment parameters as columns, in {@link #segmentTable} order. */
  private static final List<String> SEGMENT_COLUMNS = List.of("sp_open", "sp_open_trend", "sp_click", "sp_purchase",
      "sp_purchase_trend", "sp_browse", "sp_unsubscribe", "sp_close", "sp_complaint", "sp_amount", "sp_nps",
      "sp_signup_min", "sp_signup_max", "sp_loyalty_min", "sp_loyalty_max");

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

  /** Every customer 1..N; {@code campaignTable} is {@link CampaignTable#of}. */
  Dataset<Row> build(SparkSession spark, Dataset<Row> campaignTable, int partitions) {
    Dataset<Row> segments = segmentTable(spark);
    Dataset<Row> ids = spark.range(1, options.customers() + 1L, 1, partitions).toDF("n");
    Dataset<Row> deceptive = campaignTable.filter(col("deceptive"))
        .agg(collect_list(CampaignTable.targetingStruct()).as("campaigns"));
    Dataset<Row> firstWeeks = new CustomerScan(options.weeks(), draws, mails, params)
        .firstWeeks(identity(ids).join(broadcast(segments), "segment_idx"), deceptive, partitions);
    return trajectories(attributes(identity(firstWeeks).join(broadcast(segments), "segment_idx")));
  }

  /** One row per segment: segment_idx, segment and its parameters as {@code sp_*} columns. */
  private Dataset<Row> segmentTable(SparkSession spark) {
    StructType schema = new StructType().add("segment_idx", DataTypes.IntegerType).add("segment", DataTypes.StringType);
    for (String name : SEGMENT_COLUMNS) {
      schema = schema.add(name, DataTypes.DoubleType);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < params.segments().size(); i++) {
      SegmentProfile p = params.segments().get(i);
      rows.add(RowFactory.create(i, p.name(), p.openRate(), p.openTrend(), p.clickGivenOpen(), p.purchaseRate(),
          p.purchaseTrend(), p.browseRate(), p.unsubscribeHazard(), p.closeHazard(), p.complaintHazard(),
          p.meanAmount(), p.npsMean(), (double) p.signupDaysMin(), (double) p.signupDaysMax(),
          (double) p.loyaltyMin(), (double) p.loyaltyMax()));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** What targeting reads: customer_id, segment_idx, country and lang, all drawn from the number n. */
  private Dataset<Row> identity(Dataset<Row> ids) {
    List<SegmentProfile> segments = params.segments();
    Column segmentIdx = lit(segments.size() - 1);
    double cumulative = 1.0;
    for (int i = segments.size() - 2; i >= 0; i--) {
      cumulative -= segments.get(i + 1).share();
      segmentIdx = when(u("segment").lt(cumulative), lit(i)).otherwise(segmentIdx);
    }
    Column country = pick(u("country"), new String[] {"FR", "BE", "CH", "LU", "GB", "IE", "CA"},
        new double[] {0.72, 0.10, 0.06, 0.02, 0.06, 0.02, 0.02});
    return ids
        .withColumns(Columns.of(
            "customer_id", customerId(col("n"), options.customers()),
            "segment_idx", segmentIdx,
            "country", country))
        .withColumn("lang", when(col("country").isin("GB", "IE"), lit("en")).otherwise(lit("fr")));
  }

  private Column u(String stream) {
    return draws.uniform(stream, Mails.customer());
  }

  private Dataset<Row> attributes(Dataset<Row> customers) {
    Column birth = date_sub(lit(options.start()), lit(18 * 365).plus(floor(u("birth").multiply(62 * 365))).cast("int"));
    Column signupDays = col("sp_signup_min").plus(floor(u("signup").multiply(col("sp_signup_max").minus(col("sp_signup_min")).plus(1))));
    Column loyalty = col("sp_loyalty_min").plus(floor(u("loyalty").multiply(col("sp_loyalty_max").minus(col("sp_loyalty_min")).plus(1))));
    Column email = lower(concat(element(FIRST_NAMES, "first-name"), lit("."), element(LAST_NAMES, "last-name"),
        col("n").mod(1000).cast("string"), lit("@"), element(DOMAINS, "domain")));
    return customers.withColumns(Columns.of(
        "engagement", lit(0.6).plus(u("engagement").multiply(0.8)),
        "gender", pick(u("gender"), new String[] {"F", "M", null}, new double[] {0.54, 0.42, 0.04}),
        // Nobody is born on 29 February, so that every birthday exists every year.
        "birth_date", when(u("birth-known").lt(0.96),
            when(month(birth).equalTo(2).and(dayofmonth(birth).equalTo(29)), date_sub(birth, 1)).otherwise(birth)),
        "signup_date", date_sub(lit(options.start()), signupDays.cast("int")),
        "email", email,
        "loyalty_points", loyalty.cast("int")));
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

  /** The earliest of the weeks of the columns that are not null (null when all are). */
  private static Column earliest(List<Column> weeks) {
    if (weeks.isEmpty()) {
      return lit(null).cast("int");
    }
    return weeks.size() == 1 ? weeks.get(0) : least(weeks.toArray(Column[]::new));
  }

  /** The first week with a late birthday mail if the customer were reachable all along. */
  private Column lateCandidateWeek() {
    List<Column> weeks = new ArrayList<>();
    int firstYear = options.start().getYear();
    int lastYear = options.end().getYear();
    for (int y = firstYear; y <= lastYear; y++) {
      Column day = datediff(make_date(lit(y), month(col("birth_date")), dayofmonth(col("birth_date"))), lit(options.start()));
      Column week = floor(day.divide(7)).cast("int");
      Column inWindow = day.geq(0).and(day.lt(options.weeks() * 7));
      weeks.add(when(inWindow.and(mails.lateBirthday(day.minus(week.multiply(7)), week)), week));
    }
    return earliest(weeks);
  }

  private Dataset<Row> trajectories(Dataset<Row> customers) {
    Column yes = lit(true);
    Column no = lit(false);
    Column d = col("first_deceptive_week");
    Column lateWeek = col("late_candidate_week");
    Column unansweredWeek = col("unanswered_candidate_week");
    return customers
        .withColumns(Columns.of(
            "baseline_exit_week", least(
                exitWeek(u("unsubscribe"), behaviour.unsubscribeHazard(no), behaviour.unsubscribeHazard(no), lit(null)),
                exitWeek(u("close"), behaviour.closeHazard(no), behaviour.closeHazard(no), lit(null))),
            "unsubscribe_week", exitWeek(u("unsubscribe"), behaviour.unsubscribeHazard(no),
                behaviour.unsubscribeHazard(yes), d),
            "close_week", exitWeek(u("close"), behaviour.closeHazard(no), behaviour.closeHazard(yes), d),
            "late_candidate_week", lateCandidateWeek()))
        .withColumns(Columns.of(
            "cohort", when(d.leq(col("baseline_exit_week")), d),
            "exit_week", least(col("unsubscribe_week"), col("close_week"))))
        .withColumns(Columns.of(
            "late_week", when(lateWeek.leq(col("exit_week")), lateWeek),
            "unanswered_week", when(unansweredWeek.leq(col("exit_week")), unansweredWeek),
            "complained_before_cohort", when(col("cohort").isNotNull(),
                coalesce(col("first_complaint_week").lt(col("cohort")), lit(false)))));
  }
}
