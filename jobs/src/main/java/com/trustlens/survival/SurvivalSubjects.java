package com.trustlens.survival;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ControlGroup;
import com.trustlens.util.Seqs;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The survival subjects: one row per followed customer, arm and outcome, with the day of
 * follow-up on which the outcome happened or the follow-up ended (see the package description
 * for who is followed, from when, and until when).
 */
public final class SurvivalSubjects {
  public static final String EXPOSED = "exposed";
  public static final String CONTROL = "control";
  /** Events after which a customer can no longer be reached (the eligibility rule). */
  static final List<String> EXIT_TYPES = List.of("unsubscribe", "account_closed");

  private final ZoneId zone;
  private final LocalDate end;
  private final Timestamp windowStart;
  private final Timestamp windowEnd;
  private final ControlGroup controls;
  private final List<SurvivalOutcome> outcomes;

  /**
   * @param start first day of the window, end its last day (analysis.start, analysis.end)
   * @param controls {@link #controlsFor} the configured control group
   */
  public SurvivalSubjects(ZoneId zone, LocalDate start, LocalDate end, ControlGroup controls, List<SurvivalOutcome> outcomes) {
    if (controls == ControlGroup.HOLDOUT) throw new IllegalArgumentException("holdout controls: see controlsFor");
    this.zone = zone;
    this.end = end;
    this.windowStart = Timestamp.from(start.atStartOfDay(zone).toInstant());
    this.windowEnd = Timestamp.from(end.plusDays(1).atStartOfDay(zone).toInstant());
    this.controls = controls;
    this.outcomes = List.copyOf(outcomes);
  }

  /**
   * The control group of the survival comparison for a configured one: holdout designs have no
   * exposure day for the held-out customers in customer_cohorts, so survival then uses
   * not-yet-treated controls (recorded in survival_test.control_group).
   */
  public static ControlGroup controlsFor(ControlGroup configured) {
    return configured == ControlGroup.NEVER_TREATED ? ControlGroup.NEVER_TREATED : ControlGroup.NOT_YET_TREATED;
  }

  /**
   * @param cohorts customer_cohorts rows
   * @param events silver events
   * @return rows (treatment, outcome, arm, stratum, day int, event int 1/0), one per subject and outcome
   */
  public Dataset<Row> apply(Dataset<Row> cohorts, Dataset<Row> events) {
    Dataset<Row> exposed = cohorts
        .filter(col("first_exposure_at").geq(lit(windowStart)).and(col("first_exposure_at").lt(lit(windowEnd))))
        .select(col("treatment"), col("customer_key"), col("stratum"), lit(EXPOSED).as("arm"),
            localDate(col("first_exposure_at"), zone).as("start_date"), col("first_exposure_at").as("start_at"),
            lit(null).cast("timestamp").as("own_exposure_at"));
    Dataset<Row> matched = new ControlMatching(zone, controls == ControlGroup.NOT_YET_TREATED).apply(cohorts, exposed);
    Column firstExit = least(EXIT_TYPES.stream().map(t -> col(firstAt(t))).toArray(Column[]::new));
    Dataset<Row> followed = exposed.unionByName(matched)
        .join(firstEvents(events), Seqs.of("customer_key"), "left")
        // Customers gone before their start could not have received the mail: not at risk.
        .filter(firstExit.isNull().or(firstExit.geq(col("start_at"))));
    Column[] perOutcome = outcomes.stream().map(this::dayAndEvent).toArray(Column[]::new);
    return followed
        .select(col("treatment"), col("arm"), col("stratum"), explode(array(perOutcome)).as("o"))
        .select(col("treatment"), col("o.outcome").as("outcome"), col("arm"), col("stratum"),
            col("o.day").as("day"), col("o.event").as("event"));
  }

  /** First instant of each exit or outcome event type per customer, before the window's end. */
  private Dataset<Row> firstEvents(Dataset<Row> events) {
    List<String> types = Stream.concat(EXIT_TYPES.stream(),
        outcomes.stream().flatMap(o -> Stream.concat(o.eventTypes().stream(), o.competingTypes().stream())))
        .distinct().toList();
    Column[] firsts = types.stream()
        .map(t -> min(when(col("event_type").equalTo(t), col("event_time"))).as(firstAt(t)))
        .toArray(Column[]::new);
    return events
        .filter(col("event_type").isin(types.toArray()).and(col("event_time").lt(lit(windowEnd))))
        .groupBy("customer_key")
        .agg(firsts[0], java.util.Arrays.copyOfRange(firsts, 1, firsts.length));
  }

  /**
   * struct(outcome, day, event) of one outcome. Follow-up ends at the window end, at a control's
   * own first exposure, or at a competing event; the outcome counts only strictly before that
   * end. Days count calendar days in the analysis zone, day 1 being the start date, so a
   * censoring on day k means "followed into day k without the outcome".
   */
  private Column dayAndEvent(SurvivalOutcome o) {
    Column eventAt = earliest(o.eventTypes());
    Column competingAt = o.competingTypes().isEmpty() ? lit(null).cast("timestamp") : earliest(o.competingTypes());
    Column followUntil = coalesce(col("own_exposure_at"), lit(windowEnd));
    Column lastDate = coalesce(localDate(col("own_exposure_at"), zone), lit(Date.valueOf(end)));
    Column competes = competingAt.isNotNull().and(competingAt.lt(followUntil));
    Column stopAt = when(competes, competingAt).otherwise(followUntil);
    Column happened = eventAt.isNotNull().and(eventAt.lt(stopAt));
    Column stopDate = when(competes, localDate(competingAt, zone)).otherwise(lastDate);
    Column dayDate = when(happened, localDate(eventAt, zone)).otherwise(stopDate);
    return struct(lit(o.name()).as("outcome"),
        datediff(dayDate, col("start_date")).plus(lit(1)).as("day"),
        when(happened, lit(1)).otherwise(lit(0)).as("event"));
  }

  private static Column earliest(List<String> types) {
    Column[] cols = types.stream().map(t -> col(firstAt(t))).toArray(Column[]::new);
    return cols.length == 1 ? cols[0] : least(cols);
  }

  private static String firstAt(String eventType) {
    return "first_" + eventType + "_at";
  }

  /** The calendar date of a UTC instant in the analysis zone. */
  static Column localDate(Column utcTimestamp, ZoneId zone) {
    return to_date(from_utc_timestamp(utcTimestamp, zone.getId()));
  }
}
