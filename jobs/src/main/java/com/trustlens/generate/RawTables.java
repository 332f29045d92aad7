package com.trustlens.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The clean lines of customers.csv, exposures.csv and events.jsonl, each with its source and sort
 * keys ({@code sort_ts}, {@code sort_id}): files are written in that order, so their bytes do not
 * depend on partitioning. Events also get their exact re-delivered copies here ({@code duplicate}
 * marks the second copy).
 */
final class RawTables {
  static final String CUSTOMERS_HEADER = "customer_id,email,signup_date,segment,country,gender,birth_date,loyalty_points";
  static final String EXPOSURES_HEADER = "customer_id,campaign_id,sent_at,delivered,scheduled_for,holdout";
  /** Share of events written twice, identically (a re-delivered export batch). */
  static final double DUPLICATE_SHARE = 0.005;

  private final Draws draws;
  private final RawFormats formats;

  RawTables(Draws draws, RawFormats formats) {
    this.draws = draws;
    this.formats = formats;
  }

  Dataset<Row> customers(Dataset<Row> customers) {
    return customers.select(
        lit("customers").as("source"),
        lit(null).cast("timestamp").as("sort_ts"),
        col("customer_id").as("sort_id"),
        RawFormats.csvLine(col("customer_id"), col("email"), col("signup_date"), col("segment"), col("country"),
            col("gender"), col("birth_date"), col("loyalty_points")).as("line"),
        lit(false).as("duplicate"));
  }

  /**
   * Exposure and event lines of {@link ActivityModel#records} rows, with the fields the bad-row
   * injection copies (week, event_type, event_time as written); no duplicates yet.
   */
  Dataset<Row> activity(Dataset<Row> rows) {
    Column id = col("r.id");
    Column ts = timestamp_seconds(col("r.ts"));
    Column eventTime = formats.timestamp(ts, id, "event_time");
    Column event = jsonLine(
        field("event_id", id, true), field("customer_id", col("customer_id"), true),
        field("event_type", col("r.event_type"), true), field("event_time", eventTime, true),
        field("campaign_id", col("r.campaign_id"), true), field("amount", col("r.amount"), false),
        field("score", col("r.score"), false));
    Column exposure = RawFormats.csvLine(col("customer_id"), col("r.campaign_id"), formats.timestamp(ts, id, "sent_at"),
        col("r.delivered"), formats.timestamp(timestamp_seconds(col("r.scheduled_s")), id, "scheduled_for"),
        col("r.holdout"));
    Column isEvent = col("r.source").equalTo(Records.EVENTS);
    return rows.select(
        col("r.source").as("source"),
        ts.as("sort_ts"),
        id.as("sort_id"),
        when(isEvent, event).otherwise(exposure).as("line"),
        col("customer_id"),
        col("week"),
        col("r.event_type").as("event_type"),
        when(isEvent, eventTime).as("event_time"));
  }

  /** {@code ,"name":value} (quoted or not), or nothing when the value is null, as to_json leaves nulls out. */
  private static Column field(String name, Column value, boolean quoted) {
    Column text = value.cast("string");
    return when(value.isNull(), lit("")).otherwise(quoted
        ? concat(lit(",\"" + name + "\":\""), text, lit("\""))
        : concat(lit(",\"" + name + "\":"), text));
  }

  /**
   * A one-line JSON object of the fields, as to_json writes it (compact, nulls left out), built by
   * concatenation: to_json has no generated code in Spark and would evaluate every field's
   * expression interpreted. Generated values never need escaping (ids, event types, ISO times, numbers).
   */
  private static Column jsonLine(Column... fields) {
    Column body = concat(fields);
    return concat(lit("{"), org.apache.spark.sql.functions.substring(body, 2, Integer.MAX_VALUE), lit("}"));
  }

  /** Whether an event line is written twice. */
  Column duplicated() {
    return col("source").equalTo(Records.EVENTS).and(draws.uniformOfText("duplicate", col("sort_id")).lt(DUPLICATE_SHARE));
  }

  /** The lines with the re-delivered copies of events: column {@code duplicate} is true on each second copy. */
  Dataset<Row> withDuplicates(Dataset<Row> lines) {
    Column copies = when(duplicated(), array(lit(false), lit(true))).otherwise(array(lit(false)));
    return lines.select(col("source"), col("sort_ts"), col("sort_id"), col("line"), explode(copies).as("duplicate"));
  }
}
