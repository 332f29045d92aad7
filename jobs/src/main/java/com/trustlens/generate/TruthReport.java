package com.trustlens.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trustlens.generate.ExpectedEffects.CohortCells;
import com.trustlens.generate.MessyRows.BadRow;
import com.trustlens.generate.RawWriter.Written;
import com.trustlens.generate.TreatmentStats.Stats;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes truth.json: the options, the model, what was planted and where, and the expected effects. */
final class TruthReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final GenerateOptions options;
  private final ModelParameters params;
  private final ObjectNode root = JSON.createObjectNode();

  TruthReport(GenerateOptions options, ModelParameters params) {
    this.options = options;
    this.params = params;
    root.put("generator", "trustlens generate");
    root.put("seed", options.seed());
    ObjectNode o = root.putObject("options");
    o.put("customers", options.customers());
    o.put("weeks", options.weeks());
    o.put("seed", options.seed());
    o.put("cohorts", options.deceptiveWeekCount());
    o.put("holdout_share", options.holdoutShare());
    o.put("broken_holdout", options.brokenHoldout());
    o.put("layout", options.layout().name().toLowerCase());
    ObjectNode w = root.putObject("window");
    w.put("start", options.start().toString());
    w.put("end", options.end().toString());
    w.put("weeks", options.weeks());
    w.put("timezone", options.zone().getId());
    w.put("period", "ISO week, Monday 00:00 to Sunday 24:00 in the timezone; identified by its Monday");
  }

  private String week(int w) {
    return options.start().plusWeeks(w).toString();
  }

  TruthReport files(Map<String, Written> written) {
    ObjectNode files = root.putObject("files");
    String[][] layout = {{"customers", "csv"}, {"campaigns", "jsonl"}, {"exposures", "csv"}, {"events", "jsonl"}};
    for (String[] f : layout) {
      ObjectNode n = files.putObject(f[0]);
      n.put("path", options.layout() == GenerateOptions.Layout.FILES ? f[0] + "." + f[1] : f[0] + "/");
      n.put("format", "csv".equals(f[1]) ? "csv" : "json");
      n.put("data_lines", written.get(f[0]).lines());
    }
    ((ObjectNode) files.get("customers")).putArray("extra_columns").add("loyalty_points");
    ObjectNode dup = root.putObject("duplicates");
    for (String[] f : layout) {
      dup.put(f[0], written.get(f[0]).duplicates());
    }
    return this;
  }

  TruthReport model() {
    ArrayNode segments = root.putArray("segments");
    params.segments().forEach(s -> segments.add(JSON.valueToTree(s)));
    ObjectNode m = root.putObject("model");
    m.put("engagement", "per customer, uniform on [0.6, 1.4], multiplies open, purchase and browse probabilities");
    m.put("season", "1 + " + params.seasonAmplitude() + " sin(2 pi week / " + params.seasonPeriodWeeks() + "), week 0-based");
    m.put("trend", "1 + segment trend x week, floored at 0.1");
    m.put("max_probability", params.maxProbability());
    m.put("max_hazard", CustomerModel.MAX_HAZARD);
    m.put("service_contact_rate", params.serviceContactRate());
    m.put("reply_share", params.replyShare());
    m.put("nps_rate", params.npsRate());
    m.put("bounce_rate", params.bounceRate());
    m.put("late_share", params.lateShare());
    m.put("other_open_share", params.otherOpenShare());
    m.put("deceptive_open_share", params.deceptiveOpenShare());
    m.put("other_click_share", params.otherClickShare());
    m.put("transactional_reach", params.transactionalReach());
    ObjectNode planted = root.putObject("planted_effects");
    ObjectNode dec = planted.putObject("deceptive_mail");
    dec.put("definition", "from the week g of the customer's first delivered, not held-out exposure to a deceptive "
        + "campaign; multipliers indexed by event time e = week - g >= 0 (e = 0 is the mail's own week)");
    DeceptionEffects d = params.deception();
    ArrayNode curve = dec.putArray("multipliers");
    for (int e = 0; e < d.open().length; e++) {
      curve.addObject().put("event_time", e).put("open", d.open()[e]).put("click_given_open", d.clickGivenOpen()[e])
          .put("purchase", d.purchase()[e]);
    }
    dec.put("unsubscribe_hazard_ratio", d.unsubscribeRatio());
    dec.put("close_hazard_ratio", d.closeRatio());
    dec.put("complaint_hazard_ratio", d.complaintRatio());
    dec.put("nps_shift", d.npsShift());
    for (IncidentEffect i : List.of(params.lateSend(), params.unanswered())) {
      planted.putObject(i.name()).put("definition", "from the week after the customer's first incident (e >= 1)")
          .put("open", i.open()).put("purchase", i.purchase()).put("nps_shift", i.npsShift())
          .put("hazards", "unchanged");
    }
    return this;
  }

  TruthReport campaigns(List<Campaign> campaigns) {
    ObjectNode c = root.putObject("campaigns");
    ArrayNode deceptive = c.putArray("deceptive");
    ArrayNode honest = c.putArray("honest");
    ArrayNode weeks = c.putArray("deceptive_weeks");
    options.deceptiveWeeks().forEach(w -> weeks.add(week(w)));
    ArrayNode details = c.putArray("details");
    for (Campaign k : campaigns) {
      (k.deceptive() ? deceptive : honest).add(k.id());
      ObjectNode n = details.addObject().put("campaign_id", k.id()).put("week", week(k.week())).put("deceptive", k.deceptive())
          .put("family", k.family()).put("kind", k.kind()).put("subject", k.subject()).put("sender_name", k.senderName())
          .put("sender_address", k.senderAddress()).put("audience", k.audience());
      if (k.repeats() != null) {
        n.put("repeats_offer_of", k.repeats());
      }
    }
    return this;
  }

  TruthReport treatment(Stats stats, CohortCells deceptive) {
    ObjectNode t = root.putObject("treatment");
    ArrayNode sizes = t.putArray("cohort_sizes");
    deceptive.cohortSizes().forEach((g, n) -> sizes.addObject().put("cohort", week(g)).put("cohort_week", g).put("customers", n));
    long treated = stats.doses().values().stream().mapToLong(Long::longValue).sum();
    t.put("treated", treated);
    t.put("never_treated", options.customers() - treated);
    ObjectNode doses = t.putObject("doses");
    stats.doses().forEach(doses::put);
    ObjectNode h = root.putObject("holdout");
    h.put("declared_share", options.holdoutShare());
    h.put("actual_share", options.actualHoldoutShare());
    h.put("broken", options.brokenHoldout());
    h.put("definition", "each targeted, reachable customer of a deceptive campaign is held out with probability "
        + "actual_share: exposure row with holdout=true, delivered=false, sent_at = the campaign's sent_at");
    ArrayNode by = h.putArray("by_campaign");
    stats.holdouts().forEach(x -> by.addObject().put("campaign_id", x.campaignId()).put("targeted", x.targeted())
        .put("held_out", x.heldOut()));
    ObjectNode inc = root.putObject("incidents");
    incident(inc, params.lateSend(), "a birthday exposure (scheduled_for set) delivered with sent_at more than 24 h "
        + "after scheduled_for; first incident week = the week of that exposure", stats.lateWeeks());
    incident(inc, params.unanswered(), "a service_contact event with no service_reply of the same customer within "
        + "48 h after it (here: never answered); first incident week = the week of that contact", stats.unansweredWeeks());
    return this;
  }

  private void incident(ObjectNode parent, IncidentEffect effect, String rule, Map<Integer, Long> weeks) {
    ObjectNode n = parent.putObject(effect.name());
    n.put("rule", rule);
    n.put("open_multiplier", effect.open()).put("purchase_multiplier", effect.purchase()).put("nps_shift", effect.npsShift());
    ArrayNode counts = n.putArray("first_incident_weeks");
    weeks.forEach((w, c) -> counts.addObject().put("week", week(w)).put("customers", c));
  }

  TruthReport expected(String treatment, CohortCells cells, String definition) {
    ObjectNode all = root.has("expected_att") ? (ObjectNode) root.get("expected_att") : root.putObject("expected_att");
    ObjectNode t = all.putObject(treatment);
    t.put("definition", definition);
    ArrayNode byCohort = t.putArray("by_cohort");
    Map<Integer, BigDecimal[]> byE = new TreeMap<>();
    Map<Integer, long[]> nByE = new TreeMap<>();
    cells.sums().forEach((key, sums) -> {
      int g = key.get(0);
      int e = key.get(1) - g;
      long n = cells.counts().get(key);
      ObjectNode row = byCohort.addObject().put("cohort", week(g)).put("period", week(key.get(1))).put("event_time", e)
          .put("n_treated", n);
      BigDecimal[] acc = byE.computeIfAbsent(e, x -> zeros());
      int i = 0;
      for (String m : ExpectedEffects.METRICS) {
        row.put(m, ExpectedEffects.mean(sums.get(m), n));
        acc[i] = acc[i].add(sums.get(m));
        i++;
      }
      long[] nn = nByE.computeIfAbsent(e, x -> new long[2]);
      nn[0] += n;
      nn[1]++;
    });
    ArrayNode byEventTime = t.putArray("by_event_time");
    int maxPre = cells.cohortSizes().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int e = -maxPre; e < 0; e++) {
      final int ev = e;
      long n = cells.cohortSizes().entrySet().stream().filter(x -> x.getKey() + ev >= 0).mapToLong(Map.Entry::getValue).sum();
      long k = cells.cohortSizes().keySet().stream().filter(g -> g + ev >= 0).count();
      ObjectNode row = byEventTime.addObject().put("event_time", e).put("n_treated", n).put("cohorts", k);
      ExpectedEffects.METRICS.forEach(m -> row.put(m, 0.0));
    }
    byE.forEach((e, sums) -> {
      long[] nn = nByE.get(e);
      ObjectNode row = byEventTime.addObject().put("event_time", e).put("n_treated", nn[0]).put("cohorts", nn[1]);
      for (int i = 0; i < sums.length; i++) {
        row.put(ExpectedEffects.METRICS.get(i), ExpectedEffects.mean(sums[i], nn[0]));
      }
    });
    return this;
  }

  private static BigDecimal[] zeros() {
    BigDecimal[] z = new BigDecimal[ExpectedEffects.METRICS.size()];
    java.util.Arrays.fill(z, BigDecimal.ZERO);
    return z;
  }

  TruthReport badRows(List<BadRow> rows) {
    ArrayNode list = root.putArray("bad_rows");
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (BadRow b : rows) {
      list.addObject().put("source", b.source()).put("key", b.key()).put("raw", b.raw())
          .put("expected_reason", b.expectedReason());
      counts.computeIfAbsent(b.source(), s -> new TreeMap<>()).merge(b.expectedReason(), 1, Integer::sum);
    }
    root.set("bad_row_counts", JSON.valueToTree(counts));
    root.put("conflicting_duplicate_rule", "among rows sharing an event_id with different content, ingest keeps the "
        + "one with the earliest event_time (the one written first); the later variant is listed as the bad row");
    return this;
  }

  TruthReport notes(List<String> notes) {
    ArrayNode n = root.putArray("notes");
    notes.forEach(n::add);
    return this;
  }

  String json() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write truth.json: " + e.getMessage(), e);
    }
  }
}
