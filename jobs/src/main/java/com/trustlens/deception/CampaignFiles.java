package com.trustlens.deception;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ConfigException;
import com.trustlens.ingest.BadInputException;
import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;

/**
 * Reads a campaigns file (csv with a header, or JSON lines) with the SPEC §2 columns into the
 * silver campaign types, for `trustlens classify --campaigns FILE`. A stand-in for the ingest
 * reader: values that do not cast become null rather than going to quarantine.
 */
public final class CampaignFiles {
  /** File formats classify reads. */
  public enum Format { CSV, JSON }

  private static final String CORRUPT = "_corrupt_record";

  private CampaignFiles() {}

  /** The format an extension implies: .csv, or .json / .jsonl / .ndjson (JSON lines). */
  public static Format formatOf(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) return Format.CSV;
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) return Format.JSON;
    throw new ConfigException("--input-format", "cannot tell the format of " + file
        + " from its extension (.csv, .json, .jsonl); give --input-format csv or json");
  }

  /** Silver campaign rows; timestamps without an offset are read in the given time zone. */
  public static Dataset<Row> read(SparkSession spark, String file, Format format, String timezone) {
    if (!Files.isRegularFile(Path.of(file)) || !Files.isReadable(Path.of(file))) {
      throw new BadInputException("campaigns file " + file + " does not exist or cannot be read");
    }
    Dataset<Row> raw;
    try {
      raw = format == Format.CSV
          ? spark.read().option("header", "true").option("inferSchema", "false").csv(file)
          : spark.read().option("primitivesAsString", "true").json(file);
    } catch (RuntimeException e) {
      throw new BadInputException("cannot read campaigns file " + file + ": " + e.getMessage(), e);
    }
    if (Arrays.asList(raw.columns()).contains(CORRUPT)) {
      rejectCorruptLines(raw, file);
    }
    if (!Arrays.asList(raw.columns()).contains(SilverCampaignColumns.CAMPAIGN_ID)) {
      throw new BadInputException("campaigns file " + file + " has no " + SilverCampaignColumns.CAMPAIGN_ID
          + " column (columns: " + String.join(", ", raw.columns()) + ")");
    }
    return typed(raw, timezone);
  }

  private static void rejectCorruptLines(Dataset<Row> raw, String file) {
    // Spark refuses queries on the corrupt-record column alone unless the parsed rows are cached.
    Dataset<Row> cached = raw.cache();
    List<Row> bad = cached.filter(col(CORRUPT).isNotNull()).select(CORRUPT).limit(1).collectAsList();
    if (!bad.isEmpty()) {
      long count = cached.filter(col(CORRUPT).isNotNull()).count();
      cached.unpersist();
      throw new BadInputException("campaigns file " + file + ": " + count + " line(s) are not JSON objects, e.g. "
          + abbreviate(bad.get(0).getString(0)));
    }
  }

  /** Casts the contract columns to the silver types; other columns go to extras as text. */
  static Dataset<Row> typed(Dataset<Row> raw, String timezone) {
    TableSchema silver = Schemas.silver("campaigns");
    List<String> present = Arrays.asList(raw.columns());
    List<String> contract = silver.columnNames();
    List<Column> cols = new ArrayList<>();
    for (ColumnSpec c : silver.columns()) {
      if (c.name().equals(SilverCampaignColumns.EXTRAS)) {
        cols.add(extras(raw, present, contract).as(c.name()));
      } else if (!present.contains(c.name())) {
        cols.add(lit(null).cast(c.dataType()).as(c.name()));
      } else if (c.name().equals(SilverCampaignColumns.SENT_AT)) {
        cols.add(timestamp(trim(col(c.name()).cast("string")), timezone).as(c.name()));
      } else {
        cols.add(trim(col(c.name()).cast("string")).cast(c.dataType()).as(c.name()));
      }
    }
    return silver.conform(raw.select(cols.toArray(Column[]::new)));
  }

  private static Column timestamp(Column text, String timezone) {
    Column hasOffset = text.rlike("(Z|[+-]\\d{2}:?\\d{2}|\\[[^]]+])$");
    return when(hasOffset, text.cast("timestamp")).otherwise(to_utc_timestamp(text.cast("timestamp"), timezone));
  }

  private static Column extras(Dataset<Row> raw, List<String> present, List<String> contract) {
    List<Column> kv = new ArrayList<>();
    for (String name : present) {
      if (contract.contains(name) || name.equals(CORRUPT)) continue;
      Column value = raw.schema().apply(name).dataType() instanceof AtomicType
          ? col(name).cast("string") : to_json(col(name));
      kv.add(lit(name));
      kv.add(value);
    }
    return kv.isEmpty() ? expr("cast(map() as map<string,string>)") : map(kv.toArray(Column[]::new));
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
  }
}
