package com.trustlens.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustlens.generate.RawValidator.Finding;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The raw files of the shared data set: formats, contract columns, injected bad rows, spellings, holdouts. */
@ExtendWith(SharedSpark.class)
class GeneratedFilesTest {
  private final RawFiles files;
  private final JsonNode truth;

  GeneratedFilesTest(SparkSession spark) {
    files = SharedDataset.files(spark);
    truth = files.truth();
  }

  @Test
  void filesCarryTheContractColumns(SparkSession spark) {
    List<String> customers = List.of(spark.read().option("header", true).csv(files.dir.resolve("customers.csv").toString()).columns());
    List<String> expected = new ArrayList<>(Schemas.input("customers").columnNames());
    expected.add("loyalty_points");
    assertEquals(expected, customers);
    assertEquals(Schemas.input("exposures").columnNames(),
        List.of(spark.read().option("header", true).csv(files.dir.resolve("exposures.csv").toString()).columns()));
    Set<String> campaigns = Set.of(spark.read().json(files.dir.resolve("campaigns.jsonl").toString()).columns());
    assertEquals(new HashSet<>(Schemas.input("campaigns").columnNames()), campaigns);
    Set<String> events = new HashSet<>(Set.of(spark.read().json(files.dir.resolve("events.jsonl").toString()).columns()));
    assertTrue(events.remove("_corrupt_record"), "the truncated line is read as a corrupt record");
    assertEquals(new HashSet<>(Schemas.input("events").columnNames()), events);
  }

  @Test
  void everyInjectedBadRowIsWrittenVerbatimWithExactlyOneProblem() {
    Map<String, String> expected = new HashMap<>();
    for (JsonNode b : truth.get("bad_rows")) {
      expected.put(b.get("source").asText() + "|" + b.get("raw").asText(), b.get("expected_reason").asText());
    }
    Map<String, String> found = new HashMap<>();
    for (Finding f : RawValidator.check(files)) {
      assertEquals(1, f.reasons().size(), () -> "one problem per bad row: " + f);
      found.put(f.source() + "|" + f.line(), f.reasons().get(0));
    }
    assertEquals(expected, found, "the files' bad rows are exactly those listed in truth.json");
    Map<String, Long> reasons = expected.values().stream().collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
    assertEquals(Set.of("bad_date_signup_date", "missing_customer_id", "bad_timestamp_sent_at", "missing_campaign_id",
        "bad_timestamp_event_time", "bad_number_amount", "out_of_range_score", "bad_number_score", "unknown_event_type",
        "malformed_line", "conflicting_duplicate"), reasons.keySet());
    assertEquals(1, reasons.get("malformed_line"));
    assertEquals(1, reasons.get("conflicting_duplicate"));
  }

  @Test
  void theTruncatedLineSitsInTheMiddleOfEventsJsonl() {
    List<String> lines = files.dataLines("events.jsonl");
    String truncated = null;
    for (JsonNode b : truth.get("bad_rows")) {
      if (b.get("expected_reason").asText().equals("malformed_line")) {
        truncated = b.get("raw").asText();
      }
    }
    int at = lines.indexOf(truncated);
    assertTrue(at > lines.size() / 4 && at < 3 * lines.size() / 4, "line " + at + " of " + lines.size());
  }

  @Test
  void badRowsStayWellUnderFivePercentOfEveryInput() {
    for (String source : List.of("customers", "campaigns", "exposures", "events")) {
      long lines = truth.get("files").get(source).get("data_lines").asLong();
      long bad = 0;
      if (truth.get("bad_row_counts").has(source)) {
        for (JsonNode n : truth.get("bad_row_counts").get(source)) {
          bad += n.asLong();
        }
      }
      assertTrue(bad <= 0.01 * lines, source + ": " + bad + " bad of " + lines);
    }
  }

  @Test
  void exactDuplicateEventLinesAreCountedInTruth() {
    List<String> lines = files.dataLines("events.jsonl");
    int copies = RawValidator.extraCopies(lines).values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(truth.get("duplicates").get("events").asInt(), copies);
    assertTrue(copies > 0.002 * lines.size() && copies < 0.01 * lines.size(), copies + " of " + lines.size());
    assertEquals(lines.size(), truth.get("files").get("events").get("data_lines").asInt());
    assertEquals(0, RawValidator.extraCopies(files.dataLines("exposures.csv")).size());
  }

  @Test
  void timestampsMixFourSpellingsOfTheSameInstants() {
    Map<String, Integer> spellings = new HashMap<>();
    for (JsonNode n : RawPanel.cleanEvents(files)) {
      spellings.merge(RawFiles.spelling(RawFiles.text(n, "event_time")), 1, Integer::sum);
    }
    for (String line : files.dataLines("exposures.csv")) {
      String sent = line.split(",", -1)[2];
      if (RawFiles.instant(sent) != null) {
        spellings.merge(RawFiles.spelling(sent), 1, Integer::sum);
      }
    }
    int total = spellings.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(Set.of("Z", "offset", "T", "space"), spellings.keySet());
    spellings.forEach((s, n) -> assertTrue(n > 0.1 * total, s + ": " + n + " of " + total));
  }

  @Test
  void someEventsFallOnMondayNightParisWhichIsSundayInUtc() {
    int mondayNight = 0;
    for (JsonNode n : RawPanel.cleanEvents(files)) {
      Instant t = RawValidator.eventTime(n);
      var paris = t.atZone(RawFiles.PARIS);
      if (paris.getDayOfWeek() == DayOfWeek.MONDAY && paris.getHour() == 0) {
        assertEquals(DayOfWeek.SUNDAY, t.atZone(ZoneOffset.UTC).getDayOfWeek());
        mondayNight++;
      }
    }
    assertTrue(mondayNight > 100, mondayNight + " events between Monday 00:00 and 01:00 Paris");
  }

  @Test
  void heldOutCustomersGetNoMailAndTheDeclaredShareIsKept() {
    Set<String> deceptive = new HashSet<>();
    truth.get("campaigns").get("deceptive").forEach(c -> deceptive.add(c.asText()));
    Map<String, Instant> launches = new HashMap<>();
    for (String line : files.dataLines("campaigns.jsonl")) {
      JsonNode c = RawFiles.parse(line);
      String id = RawFiles.text(c, "campaign_id");
      launches.put(id, RawFiles.instant(RawFiles.text(c, "sent_at")));
      assertEquals(deceptive.contains(id), c.has("holdout_share"), id);
      if (c.has("holdout_share")) {
        assertEquals(0.2, c.get("holdout_share").asDouble());
      }
    }
    Map<String, long[]> counts = new TreeMap<>();
    for (String line : files.dataLines("exposures.csv")) {
      String[] f = line.split(",", -1);
      if (RawValidator.exposure(line).isEmpty() && deceptive.contains(f[1])) {
        long[] c = counts.computeIfAbsent(f[1], k -> new long[2]);
        c[0]++;
        if (f[5].equals("true")) {
          c[1]++;
          assertEquals("false", f[3], "a held-out customer is not delivered");
          assertEquals(launches.get(f[1]), RawFiles.instant(f[2]), "held out at the campaign's send time");
        }
      } else if (RawValidator.exposure(line).isEmpty()) {
        assertEquals("false", f[5], "only deceptive campaigns have holdouts");
      }
    }
    long targeted = counts.values().stream().mapToLong(c -> c[0]).sum();
    long held = counts.values().stream().mapToLong(c -> c[1]).sum();
    assertEquals(0.2, (double) held / targeted, 0.03);
    for (JsonNode c : truth.get("holdout").get("by_campaign")) {
      long[] raw = counts.get(c.get("campaign_id").asText());
      assertEquals(c.get("targeted").asLong(), raw[0], c.toString());
      assertEquals(c.get("held_out").asLong(), raw[1], c.toString());
    }
  }

  @Test
  void campaignsUseEveryDeceptionFamilyInFrenchAndEnglish() {
    Map<String, Set<String>> families = new HashMap<>();
    int labelled = 0;
    int withoutLanguage = 0;
    int repeats = 0;
    for (JsonNode c : truth.get("campaigns").get("details")) {
      if (c.get("deceptive").asBoolean()) {
        families.computeIfAbsent(c.get("audience").asText(), k -> new HashSet<>()).add(c.get("family").asText());
      }
      repeats += c.has("repeats_offer_of") ? 1 : 0;
    }
    for (String line : files.dataLines("campaigns.jsonl")) {
      JsonNode c = RawFiles.parse(line);
      labelled += c.has("label_deceptive") ? 1 : 0;
      withoutLanguage += c.has("language") ? 0 : 1;
    }
    Set<String> all = Set.of("fake_reply_forward", "service_alias", "fake_apology", "false_urgency",
        "transactional_mimicry", "fake_memo_favour", "bait");
    assertEquals(all, families.get("fr"));
    assertEquals(all, families.get("en"));
    int campaigns = truth.get("campaigns").get("details").size();
    assertTrue(labelled > 0 && labelled < campaigns / 3, labelled + " labelled of " + campaigns);
    assertTrue(withoutLanguage > 0 && withoutLanguage < campaigns / 2, withoutLanguage + " without language");
    assertTrue(repeats > 0, "a false-urgency offer is repeated later");
    assertFalse(truth.get("campaigns").get("honest").isEmpty());
  }
}
