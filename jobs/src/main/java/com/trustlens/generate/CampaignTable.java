package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.unix_seconds;

import java.sql.Timestamp;
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
 * The campaign calendar as small Spark tables: per-week arrays of the fields the draws read, and
 * campaigns.jsonl lines. A campaign's number {@code no} (its position in the calendar) is its key
 * in the hashed draws.
 */
final class CampaignTable {
  static final StructType SCHEMA = new StructType()
      .add("no", DataTypes.IntegerType, false)
      .add("id", DataTypes.StringType, false)
      .add("week", DataTypes.IntegerType, false)
      .add("kind", DataTypes.StringType, false)
      .add("deceptive", DataTypes.BooleanType, false)
      .add("audience", DataTypes.StringType, false)
      .add("launch", DataTypes.TimestampType, false)
      .add("holdout_share", DataTypes.DoubleType, false)
      .add("bounce_rate", DataTypes.DoubleType, false)
      .add("open_share", DataTypes.DoubleType, false)
      // probability of targeting a customer, by segment index (ModelParameters.segments() order)
      .add("reach", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("birthday", DataTypes.BooleanType, false)
      .add("subject", DataTypes.StringType, false)
      .add("sender_name", DataTypes.StringType, false)
      .add("sender_address", DataTypes.StringType, false)
      .add("language", DataTypes.StringType, true)
      .add("label_deceptive", DataTypes.BooleanType, true)
      .add("declared_holdout_share", DataTypes.DoubleType, true);

  private CampaignTable() {}

  static Dataset<Row> of(SparkSession spark, List<Campaign> campaigns, List<SegmentProfile> segments) {
    List<Row> rows = new ArrayList<>();
    for (int no = 0; no < campaigns.size(); no++) {
      Campaign c = campaigns.get(no);
      rows.add(RowFactory.create(no, c.id(), c.week(), c.kind(), c.deceptive(), c.audience(), Timestamp.from(c.launch()),
          c.actualHoldoutShare(), c.bounceRate(), c.openShare(), segments.stream().map(s -> c.reach().get(s.name())).toList(),
          c.birthday(), c.subject(), c.senderName(), c.senderAddress(), c.language(), c.labelDeceptive(),
          c.declaredHoldoutShare()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** The fields of a campaign the draws and the mail rows read (see {@link Mails.Ref#of(Column)}). */
  static Column targetingStruct() {
    return struct(col("no"), col("id"), col("week"), col("kind"), col("deceptive"), col("audience"),
        unix_seconds(col("launch")).as("launch_s"), col("holdout_share"), col("bounce_rate"), col("open_share"),
        col("reach"), col("birthday"));
  }

  /**
   * One row per week and audience language: {@code week}, {@code lang}, {@code campaigns} (array of
   * targeting structs, in calendar order): a customer only ever gets campaigns of its language.
   */
  static Dataset<Row> byWeek(Dataset<Row> table) {
    return table.groupBy(col("week"), col("audience").as("lang"))
        .agg(sort_array(collect_list(targetingStruct())).as("campaigns"));
  }

  /** One row per week and language: {@code week}, {@code lang} and {@code nl}, the newsletter's targeting struct. */
  static Dataset<Row> newsletters(Dataset<Row> table) {
    return table.filter(col("kind").equalTo("newsletter"))
        .select(col("week"), col("audience").as("lang"), targetingStruct().as("nl"));
  }

  /** campaigns.jsonl: source, sort keys and the JSON line (absent language, label or holdout share are left out). */
  static Dataset<Row> lines(Dataset<Row> table, RawFormats formats) {
    return table.select(
        lit("campaigns").as("source"),
        col("launch").as("sort_ts"),
        col("id").as("sort_id"),
        to_json(struct(
            col("id").as("campaign_id"),
            lit("email").as("channel"),
            col("kind"),
            col("subject"),
            col("sender_name"),
            col("sender_address"),
            formats.timestamp(col("launch"), col("no"), "sent_at").as("sent_at"),
            col("language"),
            col("label_deceptive"),
            col("declared_holdout_share").as("holdout_share"))).as("line"),
        lit(false).as("duplicate"));
  }
}
