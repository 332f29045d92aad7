package com.trustlens.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ConfigException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The options, the deceptive calendar and the week clock, on the driver only. */
class GenerateOptionsTest {
  private static final GenerateOptions DEMO = GenerateOptions.defaults("out");

  @Test
  void theDemoHasFifteenCohortsAfterSixCleanWeeks() {
    List<Integer> weeks = DEMO.deceptiveWeeks();
    assertEquals(15, weeks.size());
    assertEquals(6, weeks.get(0));
    assertTrue(weeks.get(14) <= 36, weeks.toString());
    assertEquals(weeks.size(), new HashSet<>(weeks).size());
    assertEquals(LocalDate.of(2025, 10, 12), DEMO.end());
  }

  @Test
  void cohortsSetTheNumberOfDeceptiveWeeksCappedByTheWindow() {
    GenerateOptions four = new GenerateOptions("out", 10, 52, 7, DEMO.start(), DEMO.zone(), 4, 0, false,
        GenerateOptions.Layout.FILES, 0);
    assertEquals(List.of(6, 16, 27, 38), four.deceptiveWeeks());
    GenerateOptions all = new GenerateOptions("out", 10, 52, 7, DEMO.start(), DEMO.zone(), 60, 0, false,
        GenerateOptions.Layout.FILES, 0);
    assertEquals(IntStream.range(0, 52).boxed().toList(), all.deceptiveWeeks());
  }

  @Test
  void invalidOptionsNameTheOptionAtFault() {
    ConfigException tuesday = assertThrows(ConfigException.class, () -> new GenerateOptions("out", 10, 10, 7,
        LocalDate.of(2025, 1, 7), DEMO.zone(), null, 0, false, GenerateOptions.Layout.FILES, 0).validate());
    assertEquals("--start", tuesday.key());
    assertEquals("--holdout-share", assertThrows(ConfigException.class,
        () -> DEMO.withHoldout(1.5, false).validate()).key());
    assertEquals("--broken-holdout", assertThrows(ConfigException.class,
        () -> DEMO.withHoldout(0, true).validate()).key());
    assertEquals("--customers", assertThrows(ConfigException.class, () -> DEMO.withSize(0, 10).validate()).key());
  }

  @Test
  void weekClockAgreesWithJavaTimeAcrossBothClockChanges() {
    WeekClock clock = new WeekClock(DEMO.start(), 52, ZoneId.of("Europe/Paris"));
    for (int w = 0; w < 52; w++) {
      for (long s = 0; s < 7 * WeekClock.DAY; s += 1800) {
        LocalDateTime local = DEMO.start().plusWeeks(w).atStartOfDay().plusSeconds(s);
        Instant expected = local.atZone(ZoneId.of("Europe/Paris")).toInstant();
        assertEquals(expected, clock.at(w, s), "week " + w + " " + local);
      }
    }
  }

  @Test
  void calendarRotatesEveryFamilyAndRepeatsLastChanceOffers() {
    ModelParameters params = ModelParameters.standard(40);
    List<Campaign> campaigns = CampaignCalendar.build(DEMO, params, new WeekClock(DEMO.start(), 40, DEMO.zone()),
        new Draws(7));
    Set<String> ids = new HashSet<>();
    Set<Integer> deceptiveWeeks = new HashSet<>();
    for (Campaign c : campaigns) {
      assertTrue(ids.add(c.id()), "unique id " + c.id());
      if (c.deceptive()) {
        deceptiveWeeks.add(c.week());
        assertEquals("promotional", c.kind());
      }
      DayOfWeek day = c.launch().atZone(DEMO.zone()).getDayOfWeek();
      assertTrue(day != DayOfWeek.SUNDAY, c.toString());
    }
    assertEquals(new HashSet<>(DEMO.deceptiveWeeks()), deceptiveWeeks);
    for (Campaign c : campaigns) {
      if (c.repeats() != null) {
        Campaign lastChance = campaigns.stream().filter(x -> x.id().equals(c.repeats())).findFirst().orElseThrow();
        assertEquals("false_urgency", lastChance.family());
        assertEquals(lastChance.week() + 1, c.week());
        assertTrue(lastChance.subject().contains(c.subject()), lastChance.subject() + " / " + c.subject());
      }
    }
  }

  @Test
  void replaceValueRewritesOneJsonFieldOnly() {
    String line = "{\"event_id\":\"e1\",\"customer_id\":\"C1\",\"amount\":12.50,\"score\":7}";
    assertEquals("{\"event_id\":\"e1\",\"customer_id\":\"C1\",\"amount\":\"12,50€\",\"score\":7}",
        MessyRows.replaceValue(line, "amount", "\"12,50€\""));
    assertEquals("{\"event_id\":\"e1\",\"amount\":12.50,\"score\":7}", MessyRows.replaceValue(line, "customer_id", null));
    assertEquals("{\"event_id\":\"e1\",\"customer_id\":\"C1\",\"amount\":12.50}", MessyRows.replaceValue(line, "score", null));
  }
}
