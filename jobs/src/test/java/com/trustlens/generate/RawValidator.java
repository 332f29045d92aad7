package com.trustlens.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent reading of the input contract, in the ingest reason codes, to check the generated
 * files: every line gets the list of its problems (empty for a clean line). Exact duplicate lines
 * are not problems; among different lines sharing an event_id, all but the earliest event_time are
 * conflicting_duplicate.
 */
final class RawValidator {
  /** One line with a problem. */
  record Finding(String source, String line, List<String> reasons) {}

  static final Set<String> EVENT_TYPES = Set.of("email_open", "email_click", "site_visit", "purchase", "unsubscribe",
      "spam_complaint", "service_contact", "service_reply", "nps_response", "account_closed", "bounce");

  private RawValidator() {}

  static List<Finding> check(RawFiles files) {
    List<Finding> out = new ArrayList<>();
    for (String line : files.dataLines("customers.csv")) {
      add(out, "customers", line, customer(line));
    }
    for (String line : files.dataLines("campaigns.jsonl")) {
      add(out, "campaigns", line, campaign(line));
    }
    for (String line : files.dataLines("exposures.csv")) {
      add(out, "exposures", line, exposure(line));
    }
    Map<String, List<String>> byId = new LinkedHashMap<>();
    for (String line : new HashSet<>(files.dataLines("events.jsonl"))) {
      List<String> reasons = event(line);
      add(out, "events", line, reasons);
      JsonNode n = RawFiles.parse(line);
      if (reasons.isEmpty()) {
        byId.computeIfAbsent(RawFiles.text(n, "event_id"), k -> new ArrayList<>()).add(line);
      }
    }
    for (List<String> variants : byId.values()) {
      variants.sort(Comparator.comparing((String l) -> RawFiles.instant(RawFiles.text(RawFiles.parse(l), "event_time")))
          .thenComparing(l -> l));
      for (String later : variants.subList(1, variants.size())) {
        out.add(new Finding("events", later, List.of("conflicting_duplicate")));
      }
    }
    return out;
  }

  private static void add(List<Finding> out, String source, String line, List<String> reasons) {
    if (!reasons.isEmpty()) {
      out.add(new Finding(source, line, reasons));
    }
  }

  static List<String> customer(String line) {
    String[] f = line.split(",", -1);
    List<String> r = new ArrayList<>();
    if (f.length != 8) {
      return List.of("malformed_line");
    }
    if (f[0].isEmpty()) {
      r.add("missing_customer_id");
    }
    for (int i : new int[] {2, 6}) {
      if (!f[i].isEmpty() && !RawFiles.isDate(f[i])) {
        r.add("bad_date_" + (i == 2 ? "signup_date" : "birth_date"));
      }
    }
    if (!f[7].matches("\\d+")) {
      r.add("bad_number_loyalty_points");
    }
    return r;
  }

  static List<String> campaign(String line) {
    JsonNode n = RawFiles.parse(line);
    if (n == null) {
      return List.of("malformed_line");
    }
    List<String> r = new ArrayList<>();
    if (RawFiles.text(n, "campaign_id") == null) {
      r.add("missing_campaign_id");
    }
    if (RawFiles.instant(RawFiles.text(n, "sent_at")) == null) {
      r.add("bad_timestamp_sent_at");
    }
    JsonNode share = n.get("holdout_share");
    if (share != null && !(share.isNumber() && share.asDouble() >= 0 && share.asDouble() <= 1)) {
      r.add("out_of_range_holdout_share");
    }
    JsonNode label = n.get("label_deceptive");
    if (label != null && !label.isBoolean()) {
      r.add("bad_boolean_label_deceptive");
    }
    return r;
  }

  static List<String> exposure(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 6) {
      return List.of("malformed_line");
    }
    List<String> r = new ArrayList<>();
    if (f[0].isEmpty()) {
      r.add("missing_customer_id");
    }
    if (f[1].isEmpty()) {
      r.add("missing_campaign_id");
    }
    if (f[2].isEmpty()) {
      r.add("missing_sent_at");
    } else if (RawFiles.instant(f[2]) == null) {
      r.add("bad_timestamp_sent_at");
    }
    if (!f[4].isEmpty() && RawFiles.instant(f[4]) == null) {
      r.add("bad_timestamp_scheduled_for");
    }
    for (int i : new int[] {3, 5}) {
      if (!f[i].equals("true") && !f[i].equals("false")) {
        r.add("bad_boolean_" + (i == 3 ? "delivered" : "holdout"));
      }
    }
    return r;
  }

  static List<String> event(String line) {
    JsonNode n = RawFiles.parse(line);
    if (n == null) {
      return List.of("malformed_line");
    }
    List<String> r = new ArrayList<>();
    for (String required : List.of("event_id", "customer_id")) {
      if (RawFiles.text(n, required) == null) {
        r.add("missing_" + required);
      }
    }
    String type = RawFiles.text(n, "event_type");
    if (type == null) {
      r.add("missing_event_type");
    } else if (!EVENT_TYPES.contains(type)) {
      r.add("unknown_event_type");
    }
    String time = RawFiles.text(n, "event_time");
    if (time == null) {
      r.add("missing_event_time");
    } else if (RawFiles.instant(time) == null) {
      r.add("bad_timestamp_event_time");
    }
    JsonNode amount = n.get("amount");
    if (amount != null && !(amount.isNumber() && amount.decimalValue().scale() <= 2)) {
      r.add("bad_number_amount");
    }
    JsonNode score = n.get("score");
    if (score != null) {
      if (!score.isIntegralNumber()) {
        r.add("bad_number_score");
      } else if (score.asInt() < 0 || score.asInt() > 10) {
        r.add("out_of_range_score");
      }
    }
    return r;
  }

  /** Lines that appear more than once, with how many extra copies. */
  static Map<String, Integer> extraCopies(List<String> lines) {
    Map<String, Integer> counts = new HashMap<>();
    lines.forEach(l -> counts.merge(l, 1, Integer::sum));
    Map<String, Integer> out = new HashMap<>();
    counts.forEach((l, c) -> {
      if (c > 1) {
        out.put(l, c - 1);
      }
    });
    return out;
  }

  /** The instant of a clean event line. */
  static Instant eventTime(JsonNode n) {
    return RawFiles.instant(RawFiles.text(n, "event_time"));
  }
}
