package com.trustlens.serve;

import com.trustlens.pipeline.Lake;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Registers the lake's output tables in the session catalog for SQL clients: each Delta table
 * in place under {@value #DELTA_DATABASE}, and a view of it under {@value #DATABASE} that carries
 * the column comments and table description. BI tools browse the views: over JDBC, Delta tables
 * report no columns (DatabaseMetaData.getColumns is empty for them), views do.
 */
public final class LakeCatalog {
  /** The database BI tools see. */
  public static final String DATABASE = "trustlens";
  /** The Delta tables themselves, for time travel and the change data feed (table_changes). */
  public static final String DELTA_DATABASE = "trustlens_delta";
  /** Written by the campaign audit; registered when present even if this build's schemas do not list it. */
  static final String CAMPAIGN_IMPACT = "campaign_impact";

  private final SparkSession spark;
  private final Lake lake;

  public LakeCatalog(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** Registers every output table the lake holds; returns their names. */
  public List<String> register() {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + DELTA_DATABASE
        + " COMMENT 'TrustLens Delta tables, read in place (time travel, table_changes)'");
    spark.sql("CREATE DATABASE IF NOT EXISTS " + DATABASE + " COMMENT 'TrustLens output tables, for BI tools'");
    DeltaTables tables = new DeltaTables(spark, "serve");
    List<String> registered = new ArrayList<>();
    for (String table : outputTables()) {
      String path = lake.gold(table);
      if (!tables.exists(path)) continue;
      spark.sql("CREATE TABLE IF NOT EXISTS " + DELTA_DATABASE + "." + quote(table) + " USING delta LOCATION "
          + literal(path));
      spark.sql(viewDdl(table));
      registered.add(table);
    }
    return registered;
  }

  static List<String> outputTables() {
    List<String> names = new ArrayList<>(Schemas.TABLES.get("output"));
    if (!names.contains(CAMPAIGN_IMPACT)) names.add(CAMPAIGN_IMPACT);
    return names;
  }

  /** CREATE VIEW trustlens.t (c COMMENT '...', ...) COMMENT '...' AS SELECT c, ... FROM trustlens_delta.t */
  private String viewDdl(String table) {
    String source = DELTA_DATABASE + "." + quote(table);
    StructField[] fields = spark.table(source).schema().fields();
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (StructField f : fields) {
      String comment = f.getComment().isDefined() ? f.getComment().get() : "";
      columns.add(quote(f.name()) + (comment.isEmpty() ? "" : " COMMENT " + literal(comment)));
      names.add(quote(f.name()));
    }
    return "CREATE OR REPLACE VIEW " + DATABASE + "." + quote(table) + " (" + String.join(", ", columns) + ")"
        + description(source) + " AS SELECT " + String.join(", ", names) + " FROM " + source;
  }

  private String description(String source) {
    Row detail = spark.sql("DESCRIBE DETAIL " + source).select("description").first();
    return detail.isNullAt(0) ? "" : " COMMENT " + literal(detail.getString(0));
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** A Spark SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
