package com.trustlens.generate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * The bad rows injected into the raw files, each with exactly one problem and the ingest reason
 * code it should get. They are added rows, copied from real rows of a few candidate customers and
 * then spoiled (a new event_id or customer_id keeps them from colliding with the rows they copy),
 * so the clean data stays exactly the model's realisation. Their number is fixed (it does not grow
 * with the data), so truth.json can list every one verbatim.
 */
final class MessyRows {
  /** One injected bad row: the line as written and the reason ingest should quarantine it for. */
  record BadRow(String source, String key, String raw, String expectedReason, Timestamp sortTs, String sortId) {}

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final double TRUNCATE_AT = 0.55;

  private final Set<String> used = new HashSet<>();
  private final List<BadRow> out = new ArrayList<>();
  private int serial;

  private MessyRows() {}

  /**
   * The bad rows made from candidate rows (each list sorted by the caller): customers
   * (customer_id, line), exposures (sort_ts, customer_id, line), events (sort_ts, event_id,
   * event_type, event_time, week, line).
   */
  static List<BadRow> inject(List<Row> customers, List<Row> exposures, List<Row> events, int customerCount, int weeks) {
    MessyRows m = new MessyRows();
    m.customers(customers, customerCount);
    m.exposures(exposures);
    m.events(events, weeks);
    return List.copyOf(m.out);
  }

  private void customers(List<Row> rows, int n) {
    String[] badDates = {"15/03/2024", "2024-13-01"};
    int width = CustomerModel.idWidth(n);
    for (int i = 0; i < badDates.length && i < rows.size(); i++) {
      String[] cells = rows.get(i).getString(1).split(",", -1);
      cells[0] = "C" + String.format("%0" + width + "d", n + 1 + i);
      cells[2] = badDates[i];
      out.add(new BadRow("customers", cells[0], String.join(",", cells), "bad_date_signup_date", null, cells[0]));
    }
    if (rows.size() > badDates.length) {
      String line = rows.get(badDates.length).getString(1);
      String raw = line.substring(line.indexOf(','));
      out.add(new BadRow("customers", null, raw, "missing_customer_id", null, rows.get(badDates.length).getString(0)));
    }
  }

  private void exposures(List<Row> rows) {
    String[] badTimes = {"0000-00-00 00:00:00", "04/03/2025 10:15"};
    for (int i = 0; i < rows.size() && i < badTimes.length + 1; i++) {
      Row r = rows.get(i);
      String[] cells = r.getString(2).split(",", -1);
      String reason;
      if (i < badTimes.length) {
        cells[2] = badTimes[i];
        reason = "bad_timestamp_sent_at";
      } else {
        cells[1] = "";
        reason = "missing_campaign_id";
      }
      out.add(new BadRow("exposures", cells[0], String.join(",", cells), reason, r.getTimestamp(0), cells[0] + "/bad" + i));
    }
  }

  private void events(List<Row> rows, int weeks) {
    spoil(rows, type("email_open"), "event_time", "\"yesterday\"", "bad_timestamp_event_time");
    spoil(rows, type("site_visit"), "event_time", "\"32/03/2025 10:00\"", "bad_timestamp_event_time");
    spoil(rows, type("purchase"), "amount", "\"12,50€\"", "bad_number_amount");
    spoil(rows, type("purchase"), "amount", "\"EUR 19.90\"", "bad_number_amount");
    spoil(rows, type("nps_response"), "score", "11", "out_of_range_score");
    spoil(rows, type("nps_response"), "score", "-1", "out_of_range_score");
    spoil(rows, type("nps_response"), "score", "\"8/10\"", "bad_number_score");
    spoil(rows, type("email_open"), "event_type", "\"email_opn\"", "unknown_event_type");
    spoil(rows, type("site_visit"), "event_type", "\"page_view\"", "unknown_event_type");
    spoil(rows, r -> true, "customer_id", null, "missing_customer_id");
    spoil(rows, r -> true, "customer_id", "null", "missing_customer_id");
    truncated(rows, weeks);
    conflicting(rows);
  }

  private static Predicate<Row> type(String eventType) {
    return r -> eventType.equals(r.getString(2));
  }

  private Optional<Row> take(List<Row> rows, Predicate<Row> wanted) {
    Optional<Row> found = rows.stream().filter(r -> !used.contains(r.getString(1))).filter(wanted).findFirst();
    found.ifPresent(r -> used.add(r.getString(1)));
    return found;
  }

  /** A copy of an event with a new event_id and one field's JSON value replaced (null: field removed). */
  private void spoil(List<Row> rows, Predicate<Row> wanted, String field, String value, String reason) {
    take(rows, wanted).ifPresent(r -> {
      String id = r.getString(1) + "-x" + (++serial);
      String line = replaceValue(r.getString(5), "event_id", quote(id));
      line = replaceValue(line, field, value);
      out.add(new BadRow("events", id, line, reason, r.getTimestamp(0), id));
    });
  }

  /** A copy with a new event_id cut in the middle: from the middle of the window, so in the middle of the file. */
  private void truncated(List<Row> rows, int weeks) {
    take(rows.stream().sorted(Comparator.comparingInt(r -> Math.abs(r.getInt(4) - weeks / 2))).toList(), r -> true)
        .ifPresent(r -> {
          String id = r.getString(1) + "-x" + (++serial);
          String line = replaceValue(r.getString(5), "event_id", quote(id));
          int cut = Math.max(line.indexOf("\"event_type\""), (int) (line.length() * TRUNCATE_AT));
          out.add(new BadRow("events", id, line.substring(0, cut), "malformed_line", r.getTimestamp(0), id));
        });
  }

  /**
   * The same event_id again with an event_time one hour later and nothing else changed. Ingest keeps,
   * among different rows sharing an event_id, the one that sorts first (the earlier event_time, also
   * the one written first); this later variant is the bad row.
   */
  private void conflicting(List<Row> rows) {
    take(rows, type("site_visit").and(r -> r.getString(3).endsWith("Z"))).ifPresent(r -> {
      Instant later = Instant.from(UTC.parse(r.getString(3))).plusSeconds(3600);
      String line = replaceValue(r.getString(5), "event_time", quote(UTC.format(later)));
      out.add(new BadRow("events", r.getString(1), line, "conflicting_duplicate",
          Timestamp.from(later), r.getString(1)));
    });
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  /** Replaces the JSON value of a top-level field in a flat one-line object written by to_json. */
  static String replaceValue(String json, String field, String newValue) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(\"[^\"]*\"|[^,}]*)(,?)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no field " + field + " in " + json);
    }
    String replacement = newValue == null ? "" : "\"" + field + "\":" + newValue + m.group(2);
    String result = json.substring(0, m.start()) + replacement + json.substring(m.end());
    return result.replace(",}", "}");
  }
}
