package com.trustlens.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The ingest step for one source: types and checks raw rows, tells valid rows from bad ones
 * and duplicates, and shapes silver rows (pseudonymised) and quarantine rows.
 */
public final class Ingest {
  /** Row status column: kept, duplicate (exact, dropped), conflicting_duplicate or invalid. */
  public static final String STATUS = "_status";
  public static final String KEPT = "kept";
  public static final String DUPLICATE = "duplicate";
  public static final String CONFLICT = "conflicting_duplicate";
  public static final String INVALID = "invalid";

  private final ZoneId zone;
  private final LocalDate start;
  private final Pseudonymiser pseudonyms;

  /** @param pseudonyms keyed hash of customer ids; may be null when only campaigns are read */
  public Ingest(ZoneId zone, LocalDate start, Pseudonymiser pseudonyms) {
    this.zone = zone;
    this.start = start;
    this.pseudonyms = pseudonyms;
  }

  /** Typed rows of a raw input with their errors and {@link #STATUS}. */
  public Dataset<Row> check(String source, Dataset<Row> raw) {
    TableSchema contract = Schemas.input(source);
    Dataset<Row> typed = new RowValidation(contract, zone).apply(raw);
    // Rows with the same key are duplicates; without a declared key, rows equal in every contract
    // column. Of rows with one key, the one whose raw text sorts first is kept (deterministic
    // whatever the file order); the others are exact duplicates or conflicting ones.
    List<String> key = contract.key().isEmpty() ? contract.columnNames() : contract.key();
    Column valid = size(col(RowValidation.ERRORS)).equalTo(0);
    Column content = xxhash64(contentColumns(contract));
    // One key column and one frame for both window functions: Spark then sorts and shuffles the
    // rows, raw text included, once rather than once per function.
    WindowSpec byKey = Window.partitionBy(col("_key")).orderBy(col(RawInput.RAW), col(RawInput.FILE))
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return typed
        .withColumn("_content", content)
        .withColumn("_key", concatKey(valid, key))
        .withColumn("_rank", row_number().over(byKey))
        .withColumn("_first_content", first(col("_content")).over(byKey))
        .withColumn(STATUS,
            when(valid.unary_$bang(), lit(INVALID))
                .when(col("_rank").equalTo(1), lit(KEPT))
                .when(col("_content").equalTo(col("_first_content")), lit(DUPLICATE))
                .otherwise(lit(CONFLICT)))
        .drop("_key", "_rank", "_first_content");
  }

  /** Silver rows of the source: kept rows, pseudonymised, in the silver schema. */
  public Dataset<Row> silver(String source, Dataset<Row> checked) {
    Dataset<Row> kept = checked.filter(col(STATUS).equalTo(KEPT));
    if (pseudonyms == null && !source.equals("campaigns")) {
      throw new IllegalStateException("ingest of " + source + " needs the pseudonym key");
    }
    Dataset<Row> shaped = switch (source) {
      case "customers" -> kept
          .withColumn("customer_key", pseudonyms.hash(col("customer_id")))
          .withColumn("email_hash", pseudonyms.hash(lower(trim(col("email")))))
          .withColumn("age_band", ageBand(col("birth_date")));
      case "events", "exposures" -> kept.withColumn("customer_key", pseudonyms.hash(col("customer_id")));
      default -> kept;
    };
    return Schemas.silver(source).conform(shaped);
  }

  /**
   * The silver columns that identify a row of the source, as the input's key does (customer_id
   * becomes customer_key); every contract column for an input without a key.
   */
  public static List<String> silverKey(String source) {
    TableSchema contract = Schemas.input(source);
    List<String> key = contract.key().isEmpty() ? contract.columnNames() : contract.key();
    return key.stream().map(k -> k.equals("customer_id") ? "customer_key" : k).toList();
  }

  /** Quarantine rows of the source (invalid rows and conflicting duplicates), without run_id. */
  public Dataset<Row> quarantine(String source, Dataset<Row> checked, Instant ingestedAt) {
    TableSchema contract = Schemas.input(source);
    String keyName = contract.key().isEmpty() ? "row" : contract.key().get(0);
    Column reason = when(col(STATUS).equalTo(CONFLICT), lit(CONFLICT))
        .otherwise(element_at(col(RowValidation.ERRORS), 1).getField("reason"));
    Column detail = when(col(STATUS).equalTo(CONFLICT),
            concat(lit(keyName + " '"), col(contract.key().isEmpty() ? RawInput.RAW : keyName),
                lit("' was also read with different content; the row whose raw text sorts first was kept")))
        .otherwise(concat_ws("; ", transform(col(RowValidation.ERRORS), e -> e.getField("detail"))));
    return checked.filter(col(STATUS).isin(INVALID, CONFLICT)).select(
        lit(source).as("source"),
        reason.as("reason"),
        detail.as("detail"),
        col(RawInput.FILE).as("file"),
        masked(source, col(RawInput.RAW)).as("raw"),
        lit(Timestamp.from(ingestedAt)).as("ingested_at"));
  }

  // Customer rows carry e-mails and birth dates: they never reach an output table in clear.
  private static Column masked(String source, Column raw) {
    if (!source.equals("customers")) return raw;
    Column noEmail = regexp_replace(raw, "[^\\s,;\"'{}:]+@[^\\s,;\"'{}]+", "<email>");
    return regexp_replace(noEmail, "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{2,4}", "<date>");
  }

  private Column ageBand(Column birthDate) {
    Column age = floor(months_between(lit(java.sql.Date.valueOf(start)), birthDate).divide(12));
    return when(birthDate.isNull(), lit(null).cast("string"))
        .when(age.lt(25), lit("under 25"))
        .when(age.lt(35), lit("25-34"))
        .when(age.lt(45), lit("35-44"))
        .when(age.lt(55), lit("45-54"))
        .when(age.lt(65), lit("55-64"))
        .otherwise(lit("65+"));
  }

  private static Column[] contentColumns(TableSchema contract) {
    Column[] cols = new Column[contract.columns().size() + 1];
    int i = 0;
    for (ColumnSpec c : contract.columns()) cols[i++] = col(c.name());
    cols[i] = to_json(col(RawInput.EXTRAS));
    return cols;
  }

  // Invalid rows are partitioned apart so that their (often null) keys do not meet valid rows.
  private static Column concatKey(Column valid, List<String> key) {
    Column[] parts = new Column[key.size() + 1];
    parts[0] = valid.cast("string");
    for (int i = 0; i < key.size(); i++) parts[i + 1] = col(key.get(i));
    return org.apache.spark.sql.functions.struct(parts);
  }
}
