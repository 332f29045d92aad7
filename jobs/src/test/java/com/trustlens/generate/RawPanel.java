package com.trustlens.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SPEC §5 weekly metrics of each customer, computed on the driver from the clean lines of
 * events.jsonl (bad rows dropped, exact duplicates collapsed, the earliest variant of an event_id
 * kept), weeks counted from the window start in Paris time. A test reference, not ingest.
 */
final class RawPanel {
  /** What the events show about one customer. */
  static final class History {
    final Set<Integer> opened = new HashSet<>();
    final Set<Integer> clicked = new HashSet<>();
    final Set<Integer> purchased = new HashSet<>();
    int unsubscribe = Integer.MAX_VALUE;
    int close = Integer.MAX_VALUE;
    int complaint = Integer.MAX_VALUE;
    final List<Instant> contacts = new ArrayList<>();
    final List<Instant> replies = new ArrayList<>();

    int metric(String name, int week) {
      return switch (name) {
        case "opened" -> opened.contains(week) ? 1 : 0;
        case "clicked" -> clicked.contains(week) ? 1 : 0;
        case "purchased" -> purchased.contains(week) ? 1 : 0;
        case "unsubscribed" -> unsubscribe <= week ? 1 : 0;
        case "complained" -> complaint <= week ? 1 : 0;
        case "active" -> week < Math.min(unsubscribe, close) ? 1 : 0;
        default -> throw new IllegalArgumentException(name);
      };
    }

    /** The first week of a service contact with no reply within 48 hours, or MAX_VALUE. */
    int firstUnansweredWeek(LocalDate start) {
      return contacts.stream().sorted()
          .filter(c -> replies.stream().noneMatch(r -> !r.isBefore(c) && !r.isAfter(c.plus(48, ChronoUnit.HOURS))))
          .mapToInt(c -> week(start, c)).findFirst().orElse(Integer.MAX_VALUE);
    }
  }

  private RawPanel() {}

  static int week(LocalDate start, Instant t) {
    return (int) (ChronoUnit.DAYS.between(start, RawFiles.weekOf(t)) / 7);
  }

  /** The clean events, one per event_id (the earliest event_time among conflicting variants). */
  static List<JsonNode> cleanEvents(RawFiles files) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : new HashSet<>(files.dataLines("events.jsonl"))) {
      if (!RawValidator.event(line).isEmpty()) {
        continue;
      }
      JsonNode n = RawFiles.parse(line);
      byId.merge(RawFiles.text(n, "event_id"), n,
          (a, b) -> Comparator.comparing(RawValidator::eventTime).compare(a, b) <= 0 ? a : b);
    }
    return new ArrayList<>(byId.values());
  }

  static Map<String, History> of(RawFiles files, LocalDate start) {
    Map<String, History> out = new HashMap<>();
    for (JsonNode n : cleanEvents(files)) {
      Instant t = RawValidator.eventTime(n);
      int w = week(start, t);
      History h = out.computeIfAbsent(RawFiles.text(n, "customer_id"), k -> new History());
      switch (RawFiles.text(n, "event_type")) {
        case "email_open" -> h.opened.add(w);
        case "email_click" -> h.clicked.add(w);
        case "purchase" -> h.purchased.add(w);
        case "unsubscribe" -> h.unsubscribe = Math.min(h.unsubscribe, w);
        case "account_closed" -> h.close = Math.min(h.close, w);
        case "spam_complaint" -> h.complaint = Math.min(h.complaint, w);
        case "service_contact" -> h.contacts.add(t);
        case "service_reply" -> h.replies.add(t);
        default -> { }
      }
    }
    return out;
  }
}
