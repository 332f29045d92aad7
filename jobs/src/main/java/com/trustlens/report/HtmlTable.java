package com.trustlens.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTML table of report rows, column by column. Numeric cells carry their exact value in
 * data-value and their column in data-field, so that a browser check can compare what is shown
 * with the Delta tables.
 */
final class HtmlTable {
  /** How a column's values are shown. */
  enum Format {
    /** An effect in metric units, signed, 4 significant digits. */
    EFFECT,
    /** A statistic, 4 significant digits. */
    NUMBER,
    /** A p-value, 3 significant digits. */
    P_VALUE,
    /** A count, with thousands separators. */
    COUNT,
    /** A share in [0, 1], as a percentage. */
    PERCENT,
    /** Anything else, as text; lists joined by commas. */
    TEXT
  }

  /** One column: the row key it shows, its header and its format. */
  record Column(String field, String header, Format format) {}

  private final List<Column> columns = new ArrayList<>();
  private final String rowKey;

  /** @param rowKey the field whose value goes in each row's data-key attribute, or null */
  HtmlTable(String rowKey) {
    this.rowKey = rowKey;
  }

  HtmlTable column(String field, String header, Format format) {
    columns.add(new Column(field, header, format));
    return this;
  }

  String render(String cssClass, List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder("<table class=\"").append(Html.escape(cssClass)).append("\"><thead><tr>");
    for (Column c : columns) sb.append("<th>").append(Html.escape(c.header())).append("</th>");
    sb.append("</tr></thead><tbody>\n");
    for (Map<String, Object> row : rows) {
      sb.append(rowKey == null ? "<tr>" : "<tr data-key=\"" + Html.escape(String.valueOf(row.get(rowKey))) + "\">");
      for (Column c : columns) sb.append(cell(c, row.get(c.field())));
      sb.append("</tr>\n");
    }
    return sb.append("</tbody></table>\n").toString();
  }

  private static String cell(Column c, Object value) {
    if (value == null) {
      return "<td class=\"missing\" data-field=\"" + c.field() + "\" title=\"not estimated or suppressed\">&mdash;</td>";
    }
    if (value instanceof Number n && c.format() != Format.TEXT) {
      String css = n.doubleValue() < 0 && c.format() == Format.EFFECT ? "num neg" : "num";
      return "<td class=\"" + css + "\" data-field=\"" + c.field() + "\" data-value=\"" + n + "\">"
          + format(n, c.format()) + "</td>";
    }
    return "<td data-field=\"" + c.field() + "\">" + Html.escape(text(value)) + "</td>";
  }

  static String format(Number n, Format f) {
    double d = n.doubleValue();
    return switch (f) {
      case EFFECT -> String.format(Locale.ROOT, "%+.4g", d);
      case NUMBER -> String.format(Locale.ROOT, "%.4g", d);
      case P_VALUE -> String.format(Locale.ROOT, "%.3g", d);
      case COUNT -> String.format(Locale.ROOT, "%,d", n.longValue());
      case PERCENT -> String.format(Locale.ROOT, "%.1f%%", 100 * d);
      case TEXT -> String.valueOf(n);
    };
  }

  static String text(Object value) {
    if (value instanceof Collection<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(k + ": " + v));
      return String.join(", ", parts);
    }
    return String.valueOf(value);
  }
}
