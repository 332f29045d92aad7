package com.trustlens.generate;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.time.ZoneId;
import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * How values are spelled in the raw files, as a CRM export mixes them. A timestamp takes one of
 * four spellings of the same instant, chosen by a hash of the row key and the column:
 * UTC with Z (40 %), with the zone's offset (30 %), and local time without offset, with a space
 * (15 %) or with a T (15 %); a local spelling is used only when it names a single instant (not in
 * the repeated hour of the autumn clock change), otherwise the Z spelling is written.
 */
final class RawFormats {
  private static final String LOCAL_T_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";

  private final Draws draws;
  private final ZoneId zone;

  RawFormats(Draws draws, ZoneId zone) {
    this.draws = draws;
    this.zone = zone;
  }

  /**
   * The spelled timestamp of a UTC instant (null stays null), the spelling drawn from the row's
   * text key and the column name; the session time zone must be UTC.
   */
  Column timestamp(Column utc, Column rowKey, String column) {
    Column u = draws.uniformOfText("spelling-" + column, rowKey.cast("string"));
    Column local = from_utc_timestamp(utc, zone.getId());
    Column unambiguous = to_utc_timestamp(local, zone.getId()).equalTo(utc);
    Column offsetMinutes = unix_seconds(local).minus(unix_seconds(utc)).divide(60).cast("int");
    Column offset = concat(
        when(offsetMinutes.geq(0), lit("+")).otherwise(lit("-")),
        lpad(abs(offsetMinutes).divide(60).cast("int").cast("string"), 2, "0"),
        lit(":"),
        lpad(abs(offsetMinutes).mod(60).cast("string"), 2, "0"));
    Column localT = date_format(local, LOCAL_T_PATTERN);
    Column zulu = concat(date_format(utc, LOCAL_T_PATTERN), lit("Z"));
    return when(utc.isNull(), lit(null).cast("string"))
        .when(u.lt(0.40), zulu)
        .when(u.lt(0.70), concat(localT, offset))
        .when(u.lt(0.85).and(unambiguous), translate(localT, "T", " "))
        .when(unambiguous, localT)
        .otherwise(zulu);
  }

  /**
   * A CSV line of plain values (no quoting: generated values never hold a comma, quote or line
   * break); a null is written as an empty field.
   */
  static Column csvLine(Column... values) {
    Column[] cells = Arrays.stream(values).map(v -> coalesce(v.cast("string"), lit(""))).toArray(Column[]::new);
    return concat_ws(",", cells);
  }
}
