package com.trustlens.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/** Spark rows as plain Java values that JSON and HTML can show: dates and times as ISO text, no NaN. */
final class RowValues {
  private RowValues() {}

  static List<Map<String, Object>> of(List<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Row r : rows) out.add(of(r));
    return out;
  }

  static Map<String, Object> of(Row row) {
    Map<String, Object> out = new LinkedHashMap<>();
    StructField[] fields = row.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      out.put(fields[i].name(), plain(row.get(i)));
    }
    return out;
  }

  @SuppressWarnings("deprecation")
  static Object plain(Object v) {
    if (v == null) return null;
    if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? null : d;
    if (v instanceof Float f) return f.isNaN() || f.isInfinite() ? null : f.doubleValue();
    if (v instanceof BigDecimal b) return b.doubleValue();
    if (v instanceof Date d) return d.toLocalDate().toString();
    if (v instanceof Timestamp t) return t.toInstant().toString();
    if (v instanceof Row r) return of(r);
    if (v instanceof scala.collection.Seq<?> s) {
      List<Object> list = new ArrayList<>();
      for (Object o : JavaConverters.seqAsJavaList(s)) list.add(plain(o));
      return list;
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      JavaConverters.mapAsJavaMap(m).forEach((k, x) -> map.put(String.valueOf(k), plain(x)));
      return map;
    }
    return v;
  }
}
