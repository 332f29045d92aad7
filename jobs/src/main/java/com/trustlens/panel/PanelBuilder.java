package com.trustlens.panel;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import com.trustlens.util.Seqs;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Builds the balanced customer x period panel of SPEC §5 from silver events: every panel
 * customer, every period of the window, zeros where nothing happened, absorbing states carried.
 */
public final class PanelBuilder {
  private final Periods periods;
  private final LocalDate start;
  private final LocalDate end;
  private final Instant windowEnd;
  private final int unansweredAfterHours;
  private final Map<String, Double> trustWeights;

  public PanelBuilder(Periods periods, LocalDate start, LocalDate end, Instant windowEnd,
      int unansweredAfterHours, Map<String, Double> trustWeights) {
    this.periods = periods;
    this.start = start;
    this.end = end;
    this.windowEnd = windowEnd;
    this.unansweredAfterHours = unansweredAfterHours;
    this.trustWeights = Map.copyOf(trustWeights);
  }

  /**
   * @param customers panel customers (customer_key, ...)
   * @param events silver events
   * @return rows of schemas/internal/panel.json
   */
  public Dataset<Row> apply(Dataset<Row> customers, Dataset<Row> events) {
    return apply(customers, events, start);
  }

  /**
   * The panel rows of the periods from {@code from} on, equal to those of the whole panel: what an
   * incremental run rewrites when new events touch those periods.
   *
   * @param from first period to build (clipped to the window start)
   */
  public Dataset<Row> apply(Dataset<Row> customers, Dataset<Row> events, LocalDate from) {
    LocalDate first = from.isBefore(start) ? start : from;
    Timestamp until = Timestamp.from(windowEnd);
    Dataset<Row> timed = events.filter(col("event_time").lt(lit(until)))
        .withColumn("period", periods.startOf(col("event_time")));
    // Only activity of the periods built is read; absorbing states and replies still look at all events.
    Timestamp firstInstant = Timestamp.from(first.atStartOfDay(periods.zone()).toInstant());
    Dataset<Row> inWindow = timed.filter(col("event_time").geq(lit(firstInstant)))
        .filter(col("period").geq(lit(Date.valueOf(first))));

    Dataset<Row> activity = inWindow.groupBy("customer_key", "period").agg(
        flag("email_open").as("opened"),
        flag("email_click").as("clicked"),
        flag("site_visit").as("visited"),
        flag("purchase").as("purchased"),
        sum(when(col("event_type").equalTo("purchase"), col("amount"))).cast("double").as("revenue"),
        count(when(col("event_type").equalTo("service_contact"), lit(1))).cast("int").as("service_contacts"),
        avg(when(col("event_type").equalTo("nps_response"), col("score"))).as("nps"));

    Dataset<Row> unanswered = unanswered(inWindow, timed);

    // Absorbing states start at the first such event, even before the window.
    Dataset<Row> firsts = timed.filter(col("event_type").isin("unsubscribe", "spam_complaint", "account_closed"))
        .groupBy("customer_key").agg(
            min(when(col("event_type").equalTo("unsubscribe"), col("period"))).as("unsubscribed_from"),
            min(when(col("event_type").equalTo("spam_complaint"), col("period"))).as("complained_from"),
            min(when(col("event_type").equalTo("account_closed"), col("period"))).as("closed_from"));

    List<Date> starts = periods.range(first, end).stream().map(Date::valueOf).toList();
    Dataset<Row> grid = customers.select("customer_key")
        .crossJoin(broadcast(customers.sparkSession().createDataset(starts, Encoders.DATE()).toDF("period")));

    Dataset<Row> panel = grid
        .join(activity, Seqs.of("customer_key", "period"), "left")
        .join(unanswered, Seqs.of("customer_key", "period"), "left")
        .join(firsts, Seqs.of("customer_key"), "left")
        .select(
            col("customer_key"), col("period"),
            zero(col("opened")).as("opened"),
            zero(col("clicked")).as("clicked"),
            zero(col("visited")).as("visited"),
            zero(col("purchased")).as("purchased"),
            coalesce(col("revenue"), lit(0.0)).as("revenue"),
            from(col("unsubscribed_from")).as("unsubscribed"),
            from(col("complained_from")).as("complained"),
            zero(col("service_contacts")).as("service_contacts"),
            zero(col("unanswered_contacts")).as("unanswered_contacts"),
            col("nps"),
            lit(1).minus(from(least(col("unsubscribed_from"), col("closed_from")))).as("active"));
    return Schemas.internal("panel").conform(panel.withColumn("trust_index", trustIndex()));
  }

  // A contact is unanswered when no service_reply follows within the delay (replies after the
  // window count: the question is whether the customer got an answer).
  private Dataset<Row> unanswered(Dataset<Row> inWindow, Dataset<Row> all) {
    Dataset<Row> contacts = inWindow.filter(col("event_type").equalTo("service_contact"))
        .select(col("customer_key"), col("period"), col("event_time").as("contact_at"), col("event_id"));
    Dataset<Row> replies = all.filter(col("event_type").equalTo("service_reply"))
        .select(col("customer_key").as("reply_key"), col("event_time").as("reply_at"));
    Column answered = col("reply_key").equalTo(col("customer_key"))
        .and(col("reply_at").geq(col("contact_at")))
        .and(col("reply_at").leq(col("contact_at").plus(expr("INTERVAL " + unansweredAfterHours + " HOURS"))));
    return contacts.join(replies, answered, "left_anti")
        .groupBy("customer_key", "period").agg(count(lit(1)).cast("int").as("unanswered_contacts"));
  }

  /**
   * The first period whose panel rows new events can change: the period of each new event in the
   * window, or of the contact a new service_reply may answer (up to the delay earlier), clipped to
   * the window start; null when no new event falls before the window end.
   *
   * @param newEvents silver rows of the new events
   */
  public Dataset<Row> firstTouchedPeriod(Dataset<Row> newEvents) {
    Column reach = when(col("event_type").equalTo("service_reply"),
        col("event_time").minus(expr("INTERVAL " + unansweredAfterHours + " HOURS"))).otherwise(col("event_time"));
    Column p = periods.startOf(reach);
    Column clipped = when(p.lt(lit(Date.valueOf(start))), lit(Date.valueOf(start))).otherwise(p);
    return newEvents.filter(col("event_time").lt(lit(Timestamp.from(windowEnd))))
        .agg(min(clipped).as("first_touched_period"));
  }

  private Column trustIndex() {
    Column sum = lit(0.0);
    for (Map.Entry<String, Double> w : trustWeights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      sum = sum.plus(col(w.getKey()).cast("double").multiply(lit(w.getValue())));
    }
    return sum.multiply(lit(100.0));
  }

  private static Column flag(String type) {
    return max(when(col("event_type").equalTo(type), lit(1)).otherwise(lit(0)));
  }

  private static Column zero(Column c) {
    return coalesce(c, lit(0));
  }

  private static Column from(Column firstPeriod) {
    return when(firstPeriod.isNotNull().and(col("period").geq(firstPeriod)), lit(1)).otherwise(lit(0));
  }
}
