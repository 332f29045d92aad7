package com.trustlens.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustlens.generate.RawPanel.History;
import com.trustlens.testing.SharedSpark;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the shared data set's raw files show: the model's weekly outcomes, cohorts, incidents and planted effects. */
@ExtendWith(SharedSpark.class)
class PlantedEffectsTest {
  private static final List<String> METRICS = List.of("opened", "clicked", "purchased", "unsubscribed", "complained", "active");
  private final RawFiles files;
  private final JsonNode truth;
  private final LocalDate start;
  private final int weeks;
  private final Map<String, History> panel;
  private final Map<String, Integer> cohorts = new HashMap<>();
  private final Map<String, String> segments = new HashMap<>();

  PlantedEffectsTest(SparkSession spark) {
    files = SharedDataset.files(spark);
    truth = files.truth();
    start = LocalDate.parse(truth.get("window").get("start").asText());
    weeks = truth.get("window").get("weeks").asInt();
    panel = RawPanel.of(files, start);
    Set<String> deceptive = new HashSet<>();
    truth.get("campaigns").get("deceptive").forEach(c -> deceptive.add(c.asText()));
    for (String line : files.dataLines("exposures.csv")) {
      String[] f = line.split(",", -1);
      if (RawValidator.exposure(line).isEmpty() && deceptive.contains(f[1]) && f[3].equals("true")) {
        cohorts.merge(f[0], RawPanel.week(start, RawFiles.instant(f[2])), Math::min);
      }
    }
    for (String line : files.dataLines("customers.csv")) {
      String[] f = line.split(",", -1);
      segments.put(f[0], f[3]);
    }
  }

  @Test
  void eventsShowExactlyTheModelsWeeklyOutcomes(SparkSession spark) {
    SyntheticCrm crm = SyntheticCrm.standard(spark, SharedDataset.options(spark));
    Dataset<Row> customers = crm.customers().cache();
    Map<String, int[]> exits = new HashMap<>();
    for (Row r : customers.select("customer_id", "unsubscribe_week", "close_week").collectAsList()) {
      exits.put(r.getString(0), new int[] {r.getInt(1), r.getInt(2)});
    }
    Map<String, boolean[]> weekly = new HashMap<>();
    Map<String, Integer> firstComplaint = new HashMap<>();
    for (Row r : crm.customerWeeks(customers).select("customer_id", "week", "opened", "clicked", "purchased", "complained")
        .collectAsList()) {
      weekly.put(r.getString(0) + "/" + r.getInt(1), new boolean[] {r.getBoolean(2), r.getBoolean(3), r.getBoolean(4)});
      if (r.getBoolean(5)) {
        firstComplaint.merge(r.getString(0), r.getInt(1), Math::min);
      }
    }
    customers.unpersist();
    int compared = 0;
    for (Map.Entry<String, int[]> c : exits.entrySet()) {
      History h = panel.getOrDefault(c.getKey(), new History());
      int unsubscribe = c.getValue()[0];
      int close = c.getValue()[1];
      for (int w = 0; w < weeks; w++) {
        boolean[] model = weekly.getOrDefault(c.getKey() + "/" + w, new boolean[3]);
        int[] expected = {model[0] ? 1 : 0, model[1] ? 1 : 0, model[2] ? 1 : 0,
            unsubscribe <= w && unsubscribe <= close ? 1 : 0,
            firstComplaint.getOrDefault(c.getKey(), Integer.MAX_VALUE) <= w ? 1 : 0,
            w < Math.min(unsubscribe, close) ? 1 : 0};
        for (int m = 0; m < METRICS.size(); m++) {
          assertEquals(expected[m], h.metric(METRICS.get(m), w), c.getKey() + " week " + w + " " + METRICS.get(m));
          compared++;
        }
      }
    }
    assertEquals(800 * weeks * METRICS.size(), compared);
  }

  @Test
  void cohortsInTruthAreTheFirstDeliveredDeceptiveExposures() {
    Map<String, Integer> raw = new TreeMap<>();
    cohorts.values().forEach(g -> raw.merge(start.plusWeeks(g).toString(), 1, Integer::sum));
    Map<String, Integer> expected = new TreeMap<>();
    truth.get("treatment").get("cohort_sizes").forEach(c -> expected.put(c.get("cohort").asText(), c.get("customers").asInt()));
    assertEquals(expected, raw);
    assertEquals(800 - cohorts.size(), truth.get("treatment").get("never_treated").asInt());
    assertTrue(cohorts.size() > 250 && cohorts.size() < 550, cohorts.size() + " treated of 800");
    JsonNode doses = truth.get("treatment").get("doses");
    assertTrue(doses.get("1").asInt() > 0 && doses.get("2").asInt() > 0 && doses.get("3+").asInt() > 0, doses.toString());
  }

  /**
   * Difference in differences of weekly opens, per segment, between each cohort and the customers of
   * its segment not yet treated four weeks later and still reachable at g, then pooled over
   * cohorts weighted by their size: from 3 weeks before g to event times {@code from..to}.
   */
  private double openingDid(int from, int to) {
    double weighted = 0;
    int treatedTotal = 0;
    for (int g = 3; g + to < weeks; g++) {
      final int cohort = g;
      for (String segment : Set.of("gold", "silver", "bronze", "new")) {
        double[] treated = change(c -> cohorts.containsKey(c) && cohorts.get(c) == cohort, segment, g, from, to);
        double[] control = change(c -> !cohorts.containsKey(c) || cohorts.get(c) > cohort + to, segment, g, from, to);
        if (treated[1] >= 5 && control[1] >= 5) {
          weighted += treated[1] * (treated[0] - control[0]);
          treatedTotal += (int) treated[1];
        }
      }
    }
    return weighted / treatedTotal;
  }

  /** Mean change of weekly opens from weeks g-3..g-1 to g+from..g+to, and the number of customers. */
  private double[] change(java.util.function.Predicate<String> in, String segment, int g, int from, int to) {
    double sum = 0;
    int n = 0;
    for (String c : segments.keySet()) {
      History h = panel.getOrDefault(c, new History());
      if (!segment.equals(segments.get(c)) || !in.test(c) || Math.min(h.unsubscribe, h.close) < g) {
        continue;
      }
      double pre = 0;
      double post = 0;
      for (int w = g - 3; w < g; w++) {
        pre += h.metric("opened", w) / 3.0;
      }
      for (int w = g + from; w <= g + to; w++) {
        post += h.metric("opened", w) / (double) (to - from + 1);
      }
      sum += post - pre;
      n++;
    }
    return new double[] {n == 0 ? 0 : sum / n, n};
  }

  @Test
  void opensRiseInTheDeceptiveMailsWeekAndErodeAfterwards() {
    double lift = openingDid(0, 0);
    double erosion = openingDid(1, 4);
    assertTrue(lift > 0.01, "opens in week g: " + lift);
    assertTrue(erosion < -0.02, "opens in weeks g+1..g+4: " + erosion);
  }

  @Test
  void deceptiveMailsAreOpenedMoreThanTheSameSendersHonestMails() {
    Map<String, String> sender = new HashMap<>();
    Set<String> deceptive = new HashSet<>();
    truth.get("campaigns").get("details").forEach(c -> {
      sender.put(c.get("campaign_id").asText(), c.get("sender_address").asText());
      if (c.get("deceptive").asBoolean()) {
        deceptive.add(c.get("campaign_id").asText());
      }
    });
    Map<Boolean, long[]> byKind = new HashMap<>();
    Set<String> opened = new HashSet<>();
    for (JsonNode n : RawPanel.cleanEvents(files)) {
      if ("email_open".equals(RawFiles.text(n, "event_type"))) {
        opened.add(RawFiles.text(n, "customer_id") + "/" + RawFiles.text(n, "campaign_id"));
      }
    }
    for (String line : files.dataLines("exposures.csv")) {
      String[] f = line.split(",", -1);
      if (RawValidator.exposure(line).isEmpty() && f[3].equals("true") && "offres@lumen-shop.fr".equals(sender.get(f[1]))) {
        long[] c = byKind.computeIfAbsent(deceptive.contains(f[1]), k -> new long[2]);
        c[0]++;
        c[1] += opened.contains(f[0] + "/" + f[1]) ? 1 : 0;
      }
    }
    double deceptiveRate = (double) byKind.get(true)[1] / byKind.get(true)[0];
    double honestRate = (double) byKind.get(false)[1] / byKind.get(false)[0];
    assertTrue(deceptiveRate > 2 * honestRate, "open rates: deceptive " + deceptiveRate + ", honest " + honestRate);
  }

  @Test
  void incidentsInTruthCanBeRecoveredFromTheRawFiles() {
    Map<String, Integer> late = new HashMap<>();
    for (String line : files.dataLines("exposures.csv")) {
      String[] f = line.split(",", -1);
      if (RawValidator.exposure(line).isEmpty() && !f[4].isEmpty() && f[3].equals("true")) {
        Instant sent = RawFiles.instant(f[2]);
        if (Duration.between(RawFiles.instant(f[4]), sent).toHours() >= 24) {
          late.merge(f[0], RawPanel.week(start, sent), Math::min);
        }
      }
    }
    Map<String, Integer> unanswered = new HashMap<>();
    panel.forEach((c, h) -> {
      int w = h.firstUnansweredWeek(start);
      if (w < weeks) {
        unanswered.put(c, w);
      }
    });
    assertEquals(firstWeeks(truth.get("incidents").get("late_send")), perWeek(late));
    assertEquals(firstWeeks(truth.get("incidents").get("unanswered_contact")), perWeek(unanswered));
    assertTrue(late.size() > 20 && unanswered.size() > 50, late.size() + " late, " + unanswered.size() + " unanswered");
  }

  private Map<String, Integer> perWeek(Map<String, Integer> firstWeek) {
    Map<String, Integer> out = new TreeMap<>();
    firstWeek.values().forEach(w -> out.merge(start.plusWeeks(w).toString(), 1, Integer::sum));
    return out;
  }

  private static Map<String, Integer> firstWeeks(JsonNode incident) {
    Map<String, Integer> out = new TreeMap<>();
    incident.get("first_incident_weeks").forEach(w -> out.put(w.get("week").asText(), w.get("customers").asInt()));
    return out;
  }

  @Test
  void expectedAttIsZeroBeforeTheCohortAndWeightsCohortsBySize() {
    JsonNode att = truth.get("expected_att").get("deceptive_mail");
    Map<Integer, double[]> pooled = new HashMap<>();
    for (JsonNode c : att.get("by_cohort")) {
      double[] p = pooled.computeIfAbsent(c.get("event_time").asInt(), e -> new double[2]);
      p[0] += c.get("n_treated").asDouble() * c.get("opened").asDouble();
      p[1] += c.get("n_treated").asDouble();
    }
    int checked = 0;
    for (JsonNode e : att.get("by_event_time")) {
      int et = e.get("event_time").asInt();
      if (et < 0) {
        for (String m : List.of("opened", "clicked", "purchased", "revenue", "unsubscribed", "complained", "active")) {
          assertEquals(0.0, e.get(m).asDouble(), "no anticipation at e = " + et);
        }
        continue;
      }
      assertEquals(pooled.get(et)[0] / pooled.get(et)[1], e.get("opened").asDouble(), 1e-9);
      assertTrue(et == 0 ? e.get("opened").asDouble() > 0 : e.get("opened").asDouble() < 0, e.toString());
      assertTrue(e.get("unsubscribed").asDouble() > 0 && e.get("active").asDouble() < 0, e.toString());
      checked++;
    }
    assertTrue(checked >= 10);
  }
}
