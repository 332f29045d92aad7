package com.trustlens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small synthetic CRM for end-to-end tests of what reads the lake (report, notebooks, JDBC):
 * 600 customers over 16 weeks, a weekly honest newsletter, three deceptive sends to disjoint
 * fifths of the customers (Mondays of weeks 4, 7 and 10), opens and purchases that drop and unsubscribes
 * that rise after a deceptive mail, and three events with a broken timestamp for the quarantine.
 */
public final class SmallCrm {
  public static final LocalDate START = LocalDate.of(2025, 1, 6);
  public static final int WEEKS = 16;
  public static final int CUSTOMERS = 600;
  static final int[] DECEPTIVE_WEEKS = {4, 7, 10};
  static final int BROKEN_EVENTS = 3;

  private final Random random = new Random(11);
  private final List<String> customers = new ArrayList<>(List.of("customer_id,email,signup_date,segment,country"));
  private final List<String> campaigns = new ArrayList<>();
  private final List<String> exposures = new ArrayList<>(List.of("customer_id,campaign_id,sent_at,delivered"));
  private final List<String> events = new ArrayList<>();
  private int eventIds;

  private SmallCrm() {}

  /** Writes customers.csv, campaigns.jsonl, exposures.csv and events.jsonl into dir. */
  public static void write(Path dir) {
    SmallCrm crm = new SmallCrm();
    crm.build();
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("customers.csv"), crm.customers);
      Files.write(dir.resolve("campaigns.jsonl"), crm.campaigns);
      Files.write(dir.resolve("exposures.csv"), crm.exposures);
      Files.write(dir.resolve("events.jsonl"), crm.events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration of a run over these inputs (in dir), writing its lake to dir/lake. */
  public static String config() {
    return """
        inputs:
          customers: {path: customers.csv, format: csv}
          campaigns: {path: campaigns.jsonl, format: json}
          exposures: {path: exposures.csv, format: csv}
          events:    {path: events.jsonl, format: json}
        output: {path: lake}
        analysis:
          start: 2025-01-06
          end: 2025-04-27
          strata: [segment]
          pre_periods: 3
          horizon: 5
          min_cell_size: 10
          buckets: 32
          bootstrap: {replicates: 199, seed: 7}
          survival_horizon_days: 42
        privacy: {pseudonym_key: small-crm-test-key}
        spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: "2"}}
        """;
  }

  private void build() {
    for (int w = 0; w < WEEKS; w++) {
      campaign("news" + w, "newsletter", "Les nouveautés de la semaine", "Maison Lumen", w, 1);
    }
    for (int w : DECEPTIVE_WEEKS) {
      campaign("apology" + w, "promotional", "Pour nous faire pardonner : prolongation de l'offre",
          "Service Client Lumen", w, 0);
    }
    for (int c = 0; c < CUSTOMERS; c++) {
      customer(c);
    }
  }

  private void campaign(String id, String kind, String subject, String sender, int week, int weekday) {
    campaigns.add(String.format(Locale.ROOT, "{\"campaign_id\":\"%s\",\"channel\":\"email\",\"kind\":\"%s\","
            + "\"subject\":\"%s\",\"sender_name\":\"%s\",\"sender_address\":\"news@lumen.example\","
            + "\"sent_at\":\"%s\",\"language\":\"fr\"}",
        id, kind, subject.replace("'", "\\u0027"), sender, sendTime(week, weekday)));
  }

  private static LocalDateTime sendTime(int week, int weekday) {
    return START.plusWeeks(week).plusDays(weekday).atTime(9, 30);
  }

  private void customer(int c) {
    String id = String.format(Locale.ROOT, "C%04d", c);
    String segment = c % 3 == 0 ? "gold" : "silver";
    customers.add(String.format(Locale.ROOT, "%s,%s@mail.example,2024-%02d-15,%s,FR", id, id.toLowerCase(Locale.ROOT),
        1 + c % 12, segment));
    // Customers 0..479 fall into the three deceptive sends by fifths; the last fifth is never exposed.
    int fifth = c * 5 / CUSTOMERS;
    Integer exposedWeek = fifth < DECEPTIVE_WEEKS.length ? DECEPTIVE_WEEKS[fifth] : null;
    boolean gone = false;
    for (int w = 0; w < WEEKS && !gone; w++) {
      exposures.add(id + ",news" + w + "," + sendTime(w, 1) + ",true");
      boolean after = exposedWeek != null && w >= exposedWeek;
      if (exposedWeek != null && w == exposedWeek) {
        exposures.add(id + ",apology" + w + "," + sendTime(w, 0) + ",true");
      }
      gone = week(id, w, after, segment.equals("gold"));
    }
    if (c < BROKEN_EVENTS) {
      events.add(String.format(Locale.ROOT, "{\"event_id\":\"bad%d\",\"customer_id\":\"%s\",\"event_type\":\"email_open\","
          + "\"event_time\":\"yesterday\"}", c, id));
    }
  }

  /** One week of a customer's events; returns true when the customer unsubscribed. */
  private boolean week(String id, int w, boolean afterDeception, boolean gold) {
    double open = (gold ? 0.6 : 0.45) - (afterDeception ? 0.2 : 0);
    if (random.nextDouble() < open) {
      event(id, "email_open", w, 2, "news" + w, null);
      if (random.nextDouble() < 0.3) event(id, "email_click", w, 2, "news" + w, null);
    }
    if (random.nextDouble() < (afterDeception ? 0.08 : 0.15)) {
      event(id, "purchase", w, 4, null, String.format(Locale.ROOT, "%.2f", 20 + random.nextInt(80) + 0.5));
    }
    if (random.nextDouble() < (afterDeception ? 0.05 : 0.01)) {
      event(id, "unsubscribe", w, 5, null, null);
      return true;
    }
    return false;
  }

  private void event(String id, String type, int week, int weekday, String campaign, String amount) {
    LocalDateTime t = START.plusWeeks(week).plusDays(weekday).atTime(8 + random.nextInt(12), random.nextInt(60));
    StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
        "{\"event_id\":\"e%d\",\"customer_id\":\"%s\",\"event_type\":\"%s\",\"event_time\":\"%s\"",
        ++eventIds, id, type, t));
    if (campaign != null) json.append(",\"campaign_id\":\"").append(campaign).append('"');
    if (amount != null) json.append(",\"amount\":").append(amount);
    events.add(json.append('}').toString());
  }
}
