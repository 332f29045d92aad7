package com.trustlens.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.TableSchema;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Types the contract columns of raw rows and lists what is wrong with each row, from the
 * checks declared in the input schema file (required, type, allowed values, range), so that
 * bad rows can go to quarantine with a reason code instead of being dropped.
 */
public final class RowValidation {
  /** Array of struct(reason, detail), empty when the row is valid. */
  public static final String ERRORS = "_errors";

  // A time after the date with an explicit zone: Z, +01:00, +0100 or +01.
  private static final String HAS_OFFSET = "[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|z|[+-]\\d{2}(:?\\d{2})?)$";
  private static final String INTEGER = "^[+-]?\\d+$";

  private final TableSchema contract;
  private final ZoneId zone;

  public RowValidation(TableSchema contract, ZoneId zone) {
    this.contract = contract;
    this.zone = zone;
  }

  /** Contract columns typed, extras and raw metadata kept, plus {@link #ERRORS}. */
  public Dataset<Row> apply(Dataset<Row> raw) {
    List<Column> out = new ArrayList<>();
    List<Column> errors = new ArrayList<>();
    errors.add(when(col(RawInput.MALFORMED), problem("malformed_line", lit("the line could not be parsed"))));
    Column wellFormed = col(RawInput.MALFORMED).equalTo(false);
    for (ColumnSpec c : contract.columns()) {
      DataType source = raw.schema().apply(c.name()).dataType();
      Typed t = typed(c, col(c.name()), source);
      out.add(t.value().as(c.name()));
      for (Check check : t.checks()) {
        errors.add(when(wellFormed.and(check.failed()), problem(check.reason(), check.detail())));
      }
    }
    out.add(col(RawInput.EXTRAS));
    out.add(col(RawInput.FILE));
    out.add(col(RawInput.RAW));
    out.add(array_compact(array(errors.toArray(Column[]::new))).as(ERRORS));
    return raw.select(out.toArray(Column[]::new));
  }

  private record Check(String reason, Column failed, Column detail) {}

  private record Typed(Column value, List<Check> checks) {}

  private Typed typed(ColumnSpec c, Column in, DataType source) {
    DataType target = c.dataType();
    List<Check> checks = new ArrayList<>();
    Column text = source instanceof StringType ? nullif(trim(in), lit("")) : in;
    Column value;
    String what;
    if (source instanceof StringType) {
      if (target instanceof TimestampType) {
        value = parseTimestamp(text);
        what = "an ISO-8601 timestamp";
      } else if (target instanceof DateType) {
        value = text.cast(DataTypes.DateType);
        what = "an ISO-8601 date";
      } else if (target instanceof IntegerType || target instanceof LongType) {
        value = when(text.rlike(INTEGER), text.cast(target));
        what = "an integer";
      } else if (target instanceof BooleanType) {
        value = lower(text).cast(DataTypes.BooleanType);
        what = "true or false";
      } else if (target instanceof StringType) {
        value = c.allowed().isEmpty() ? text : lower(text);
        what = "text";
      } else {
        value = text.cast(target);
        what = target instanceof DecimalType ? "a decimal number" : "a number";
      }
    } else if (source instanceof TimestampNTZType && target instanceof TimestampType) {
      // A timestamp without zone stored in parquet/delta is local to the analysis zone.
      value = to_utc_timestamp(in.cast(DataTypes.TimestampType), zone.getId());
      what = "a timestamp";
    } else {
      value = in.cast(target);
      what = target.simpleString();
    }
    if (c.isRequired()) {
      checks.add(new Check("missing_" + c.name(), in.isNull().or(text.isNull()),
          lit(c.name() + " is required but empty")));
    }
    if (!(target instanceof StringType)) {
      checks.add(new Check(badReason(target) + c.name(), text.isNotNull().and(value.isNull()),
          concat(lit(c.name() + " '"), text.cast("string"), lit("' is not " + what))));
    }
    if (!c.allowed().isEmpty()) {
      checks.add(new Check("unknown_" + c.name(), value.isNotNull().and(value.isin(c.allowed().toArray()).unary_$bang()),
          concat(lit(c.name() + " '"), text.cast("string"), lit("' is not one of " + String.join(", ", c.allowed())))));
    }
    if (c.min() != null || c.max() != null) {
      Column outside = lit(false);
      if (c.min() != null) outside = outside.or(value.lt(lit(c.min())));
      if (c.max() != null) outside = outside.or(value.gt(lit(c.max())));
      checks.add(new Check("out_of_range_" + c.name(), value.isNotNull().and(outside),
          concat(lit(c.name() + " "), value.cast("string"), lit(" is outside [" + fmt(c.min()) + ", " + fmt(c.max()) + "]"))));
    }
    if (c.defaultValue() != null) {
      value = coalesce(value, lit(c.defaultValue()).cast(target));
    }
    return new Typed(value, checks);
  }

  // Values with an offset are instants; values without are local to the analysis zone. Relies on
  // the session time zone being UTC (SparkSessions.REQUIRED) for the cast of local values.
  private Column parseTimestamp(Column text) {
    Column withSeconds = regexp_replace(text, "^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2})(?=$|[Zz+-])", "$1:00");
    Column asIs = withSeconds.cast(DataTypes.TimestampType);
    return when(text.rlike(HAS_OFFSET), asIs).otherwise(to_utc_timestamp(asIs, zone.getId()));
  }

  private static String badReason(DataType target) {
    if (target instanceof TimestampType) return "bad_timestamp_";
    if (target instanceof DateType) return "bad_date_";
    if (target instanceof BooleanType) return "bad_boolean_";
    return "bad_number_";
  }

  private static Column problem(String reason, Column detail) {
    return struct(lit(reason).as("reason"), detail.as("detail"));
  }

  private static String fmt(Double d) {
    if (d == null) return "";
    return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
  }
}
