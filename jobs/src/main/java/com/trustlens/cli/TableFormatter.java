package com.trustlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Prints rows as an aligned text table, CSV (RFC 4180, with header) or JSON lines. */
public final class TableFormatter {
  /** Output formats of show and classify. */
  public enum Format { TABLE, CSV, JSON }

  private static final ObjectMapper JSON = new ObjectMapper();

  private TableFormatter() {}

  public static void print(StructType schema, Iterator<Row> rows, Format format, PrintStream out) {
    switch (format) {
      case TABLE -> table(schema, rows, out);
      case CSV -> csv(schema, rows, out);
      case JSON -> json(schema, rows, out);
    }
  }

  private static void table(StructType schema, Iterator<Row> rows, PrintStream out) {
    String[] names = schema.fieldNames();
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[names.length];
    for (int i = 0; i < names.length; i++) width[i] = names[i].length();
    while (rows.hasNext()) {
      Row r = rows.next();
      String[] c = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        c[i] = text(r.get(i), true);
        width[i] = Math.max(width[i], c[i].length());
      }
      cells.add(c);
    }
    out.println(line(names, width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    out.println(rule);
    for (String[] c : cells) out.println(line(c, width));
    out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) b.append(" | ");
      b.append(String.format("%-" + width[i] + "s", cells[i]));
    }
    return b.toString().stripTrailing();
  }

  private static void csv(StructType schema, Iterator<Row> rows, PrintStream out) {
    String[] names = schema.fieldNames();
    out.println(String.join(",", java.util.Arrays.stream(names).map(TableFormatter::quote).toList()));
    while (rows.hasNext()) {
      Row r = rows.next();
      List<String> c = new ArrayList<>();
      for (int i = 0; i < names.length; i++) c.add(r.isNullAt(i) ? "" : quote(text(r.get(i), false)));
      out.println(String.join(",", c));
    }
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static void json(StructType schema, Iterator<Row> rows, PrintStream out) {
    String[] names = schema.fieldNames();
    while (rows.hasNext()) {
      Row r = rows.next();
      ObjectNode o = JSON.createObjectNode();
      for (int i = 0; i < names.length; i++) o.set(names[i], JSON.valueToTree(jsonValue(r.get(i))));
      out.println(o);
    }
  }

  private static Object jsonValue(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      ArrayNode a = JSON.createArrayNode();
      scala.collection.JavaConverters.seqAsJavaList(seq).forEach(x -> a.add(JSON.valueToTree(jsonValue(x))));
      return a;
    }
    if (v instanceof scala.collection.Map<?, ?> map) {
      ObjectNode o = JSON.createObjectNode();
      scala.collection.JavaConverters.mapAsJavaMap(map).forEach((k, x) -> o.set(String.valueOf(k), JSON.valueToTree(jsonValue(x))));
      return o;
    }
    if (v instanceof java.sql.Date || v instanceof java.sql.Timestamp || v instanceof java.time.temporal.Temporal) {
      return text(v, false);
    }
    if (v instanceof Double d && !Double.isFinite(d)) return d.toString();
    return v;
  }

  /** A value as text; in tables doubles are rounded to 4 decimals for reading. */
  static String text(Object v, boolean rounded) {
    if (v == null) return rounded ? "null" : "";
    if (v instanceof Double d && rounded) return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : d.toString();
    if (v instanceof java.sql.Timestamp t) return t.toInstant().toString();
    if (v instanceof scala.collection.Seq<?> seq) {
      return "[" + String.join(", ", scala.collection.JavaConverters.seqAsJavaList(seq).stream().map(x -> text(x, rounded)).toList()) + "]";
    }
    if (v instanceof scala.collection.Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      scala.collection.JavaConverters.mapAsJavaMap(map).forEach((k, x) -> parts.add(k + "=" + text(x, rounded)));
      return "{" + String.join(", ", parts) + "}";
    }
    return v.toString();
  }
}
