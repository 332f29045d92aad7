package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.unix_seconds;

import com.trustlens.generate.ExpectedEffects.CohortCells;
import com.trustlens.generate.MessyRows.BadRow;
import com.trustlens.generate.RawWriter.Output;
import com.trustlens.generate.RawWriter.Written;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The synthetic CRM generator behind {@code trustlens generate}: builds the model's tables on Spark
 * (customers from {@code spark.range}, customer-weeks by {@code explode(sequence(...))}, every draw
 * a hash of the seed and entity ids) and writes the four raw inputs and truth.json. Nothing that
 * grows with customers or events is collected; see the package documentation for the model.
 */
public final class SyntheticCrm {
  /** Treatments whose expected effects truth.json gives. */
  public static final List<String> TREATMENTS = List.of("deceptive_mail", "late_send", "unanswered_contact");
  /** Candidate customers whose rows are copied into the injected bad rows. */
  private static final int BAD_ROW_CANDIDATES = 40;
  private static final StructType LINES = new StructType().add("source", DataTypes.StringType)
      .add("sort_ts", DataTypes.TimestampType)
      .add("sort_id", DataTypes.StringType).add("line", DataTypes.StringType).add("duplicate", DataTypes.BooleanType);

  /** What a run wrote: data lines per input, injected bad rows, duplicates, treated customers. */
  public record Result(Map<String, Long> lines, int badRows, long duplicates, long treated, int cohorts) {}

  private final SparkSession spark;
  private final GenerateOptions options;
  private final ModelParameters params;
  private final Draws draws;
  private final WeekClock clock;
  private final Mails mails;
  private final Behaviour behaviour;
  private final RawFormats formats;
  private final List<Campaign> campaigns;
  private final Dataset<Row> campaignTable;
  private final int partitions;

  public SyntheticCrm(SparkSession spark, GenerateOptions options, ModelParameters params) {
    this.spark = spark;
    this.options = options.validate();
    this.params = params;
    String tz = spark.conf().get("spark.sql.session.timeZone");
    if (!ZoneId.of(tz).normalized().equals(ZoneOffset.UTC)) {
      throw new IllegalStateException("spark.sql.session.timeZone is " + tz + "; the generator needs UTC "
          + "(as every TrustLens session, see SparkSessions.REQUIRED)");
    }
    this.draws = new Draws(options.seed());
    this.clock = new WeekClock(options.start(), options.weeks(), options.zone());
    this.mails = new Mails(draws, clock, params);
    this.behaviour = new Behaviour(params);
    this.formats = new RawFormats(draws, options.zone());
    this.campaigns = CampaignCalendar.build(options, params, clock, draws);
    this.campaignTable = CampaignTable.of(spark, campaigns, params.segments());
    this.partitions = options.effectivePartitions(spark.sparkContext().defaultParallelism());
  }

  /** The generator with the standard planted model. */
  public static SyntheticCrm standard(SparkSession spark, GenerateOptions options) {
    return new SyntheticCrm(spark, options, ModelParameters.standard(options.weeks()));
  }

  public List<Campaign> campaigns() {
    return campaigns;
  }

  /** One row per customer with attributes and trajectory (see {@link CustomerModel}). */
  public Dataset<Row> customers() {
    return new CustomerModel(options, params, draws, mails, behaviour)
        .build(spark, campaignTable, partitions);
  }

  /** One row per customer and reachable week with mails and weekly outcomes (see {@link CustomerWeeks}). */
  public Dataset<Row> customerWeeks(Dataset<Row> customers) {
    return new CustomerWeeks(clock, draws, mails, behaviour).build(customers);
  }

  /** One row per exposure or event of the customer-weeks (see {@link ActivityModel#records}). */
  public Dataset<Row> activity(Dataset<Row> customerWeeks) {
    return new ActivityModel(clock, draws, mails, new CustomerWeeks(clock, draws, mails, behaviour), params)
        .records(customerWeeks, campaignTable);
  }

  /** Expected Y(1) - Y(0) per treated customer and week of one treatment (deceptive_mail, late_send, unanswered_contact). */
  public Dataset<Row> expectedDifferences(Dataset<Row> customers, String treatment) {
    ExpectedEffects effects = new ExpectedEffects(behaviour, options.weeks());
    return switch (treatment) {
      case "deceptive_mail" -> effects.deceptiveMail(customers);
      case "late_send" -> effects.incident(customers, "late_week", true);
      case "unanswered_contact" -> effects.incident(customers, "unanswered_week", false);
      default -> throw new IllegalArgumentException("no treatment " + treatment);
    };
  }

  /** Writes customers, campaigns, exposures, events and truth.json under the output folder. */
  public Result write() {
    return SessionSettings.with(spark, this::writeAll);
  }

  private Result writeAll() {
    Dataset<Row> customers = customers().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      RawTables tables = new RawTables(draws, formats);
      List<BadRow> bad = badRows(customers, tables);
      RawWriter writer = new RawWriter(spark, options.out(), options.layout());
      Map<String, Written> written = new LinkedHashMap<>();
      written.putAll(writer.write(withBad(tables.customers(customers), bad, "customers"),
          List.of(new Output("customers", "csv", RawTables.CUSTOMERS_HEADER)), customerBucket(), partitions));
      written.putAll(writer.write(CampaignTable.lines(campaignTable, formats),
          List.of(new Output("campaigns", "jsonl", null)), lit(0), 1));
      Dataset<Row> activity = tables.activity(activity(customerWeeks(customers)))
          .select("source", "sort_ts", "sort_id", "line");
      written.putAll(writer.write(withBad(tables.withDuplicates(activity), bad, "exposures", "events"),
          List.of(new Output("exposures", "csv", RawTables.EXPOSURES_HEADER), new Output("events", "jsonl", null)),
          timeBucket(), partitions));
      Map<String, Dataset<Row>> differences = new LinkedHashMap<>();
      for (String treatment : TREATMENTS) {
        differences.put(treatment, expectedDifferences(customers, treatment));
      }
      Map<String, CohortCells> expected = ExpectedEffects.aggregate(differences);
      CohortCells deceptive = expected.get("deceptive_mail");
      TruthReport truth = new TruthReport(options, params).files(written).model().campaigns(campaigns)
          .treatment(TreatmentStats.of(customers, campaignTable, mails), deceptive)
          .expected("deceptive_mail", deceptive, "E[Y(1) - Y(0) | G = g] per cohort g and period; by_event_time "
              + "weights cohorts by their number of treated customers; pre-periods are 0 (no anticipation)")
          .expected("late_send", expected.get("late_send"),
              "E[Y(1) - Y(0)] for customers whose first late birthday mail is in week g (cohort = that week)")
          .expected("unanswered_contact", expected.get("unanswered_contact"),
              "E[Y(1) - Y(0)] for customers whose first never-answered service contact is in week g")
          .badRows(bad)
          .notes(Notes.ALL);
      writer.writeText("truth.json", truth.json());
      writer.finish();
      Map<String, Long> counts = new LinkedHashMap<>();
      written.forEach((k, v) -> counts.put(k, v.lines()));
      long treated = deceptive.cohortSizes().values().stream().mapToLong(Long::longValue).sum();
      return new Result(counts, bad.size(), written.get("events").duplicates(), treated, deceptive.cohortSizes().size());
    } finally {
      customers.unpersist();
    }
  }

  /** The clean lines of some inputs and the bad rows injected into them. */
  private Dataset<Row> withBad(Dataset<Row> clean, List<BadRow> bad, String... sources) {
    List<String> wanted = List.of(sources);
    List<Row> rows = bad.stream().filter(b -> wanted.contains(b.source()))
        .map(b -> RowFactory.create(b.source(), b.sortTs(), b.sortId(), b.raw(), false)).toList();
    return clean.unionByName(spark.createDataFrame(rows, LINES));
  }

  /** Buckets of customer lines: ranges of customer numbers, in id order. */
  private Column customerBucket() {
    Column number = regexp_extract(col("sort_id"), "([0-9]+)", 1).cast("long");
    return clamp(number.minus(1).multiply(partitions).divide(options.customers()));
  }

  /** Buckets of time-ordered lines: equal slices of the window, in time order. */
  private Column timeBucket() {
    long from = clock.at(0, 0).getEpochSecond();
    long span = clock.at(options.weeks(), 0).getEpochSecond() - from;
    return clamp(unix_seconds(col("sort_ts")).minus(from).multiply(partitions).divide(span));
  }

  private Column clamp(Column bucket) {
    return least(lit(partitions - 1), greatest(lit(0), org.apache.spark.sql.functions.floor(bucket)))
        .cast("int");
  }

  private List<BadRow> badRows(Dataset<Row> customers, RawTables tables) {
    Set<Long> numbers = new LinkedHashSet<>();
    for (int k = 0; numbers.size() < Math.min(BAD_ROW_CANDIDATES, options.customers()) && k < 100 * BAD_ROW_CANDIDATES; k++) {
      numbers.add(1 + (long) Math.floor(draws.uniform("bad-row-candidate", k) * options.customers()));
    }
    Dataset<Row> candidates = customers.filter(col("n").isin(numbers.toArray()));
    List<Row> customerRows = tables.customers(candidates).select("sort_id", "line").orderBy("sort_id").collectAsList();
    Dataset<Row> activity = tables.activity(activity(customerWeeks(candidates))).persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> exposureRows = activity.filter(col("source").equalTo(Records.EXPOSURES)).orderBy("sort_ts", "sort_id")
        .limit(10).select("sort_ts", "customer_id", "line").collectAsList();
    List<Row> eventRows = activity.filter(col("source").equalTo(Records.EVENTS).and(not(tables.duplicated())))
        .select("sort_ts", "sort_id", "event_type", "event_time", "week", "line").orderBy("sort_id").collectAsList();
    activity.unpersist();
    return MessyRows.inject(new ArrayList<>(customerRows), exposureRows, eventRows, options.customers(), options.weeks());
  }
}
