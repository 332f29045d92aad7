package com.trustlens.generate;

import static com.trustlens.generate.WeekClock.DAY;
import static com.trustlens.generate.WeekClock.HOUR;
import static com.trustlens.generate.WeekClock.MINUTE;

import com.trustlens.generate.CampaignTemplates.Template;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaigns of the window, built on the driver (a few per week, so it never grows with
 * customers). Every week: a newsletter per language (sent to every reachable customer), promotions,
 * a birthday campaign per language, the real transactional mail, and every 13 weeks a terms notice.
 * In the deceptive weeks ({@link GenerateOptions#deceptiveWeeks()}): one French and one English
 * deceptive campaign, plus a second French one every other deceptive week, rotating through the
 * SPEC §4 families; a false-urgency offer is repeated honestly the week after. Deceptive campaigns
 * reach segments unequally (see {@link SegmentProfile#deceptiveReach()}), scaled by the number of
 * deceptive campaigns so that the share of treated customers hardly depends on --cohorts.
 */
final class CampaignCalendar {
  private static final DateTimeFormatter DAY_ID = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final double LABEL_SHARE_DECEPTIVE = 0.15;
  private static final double LABEL_SHARE_HONEST = 0.05;
  private static final double NO_LANGUAGE_SHARE = 0.2;
  private static final int TERMS_EVERY_WEEKS = 13;
  private static final double BIRTHDAY_OPEN_SHARE = 0.4;
  private static final double TRANSACTIONAL_OPEN_SHARE = 0.5;

  private final GenerateOptions options;
  private final ModelParameters params;
  private final WeekClock clock;
  private final Draws draws;
  private final Map<String, Integer> perDay = new HashMap<>();

  private CampaignCalendar(GenerateOptions options, ModelParameters params, WeekClock clock, Draws draws) {
    this.options = options;
    this.params = params;
    this.clock = clock;
    this.draws = draws;
  }

  /** All campaigns of the window, in launch order. */
  static List<Campaign> build(GenerateOptions options, ModelParameters params, WeekClock clock, Draws draws) {
    return new CampaignCalendar(options, params, clock, draws).build();
  }

  private List<Campaign> build() {
    List<Integer> deceptiveWeeks = options.deceptiveWeeks();
    int frDeceptive = deceptiveWeeks.size() + deceptiveWeeks.size() / 2;
    int enDeceptive = deceptiveWeeks.size();
    List<Campaign> out = new ArrayList<>();
    Map<String, Campaign> lastChance = new HashMap<>();
    // Templates rotate per language, so that every family appears once there are enough deceptive campaigns.
    int deceptiveWeekIndex = 0;
    int frIndex = 0;
    int enIndex = 0;
    for (int w = 0; w < clock.weeks(); w++) {
      boolean summer = clock.monday(w).getMonthValue() == 6 || clock.monday(w).getMonthValue() == 7;
      int order = 10000 + 17 * w + draws.choose(17, "order-number", w);
      out.add(honest(w, "order-fr", CampaignTemplates.order("fr", order), "transactional", "fr", 8 * HOUR, flat(params.transactionalReach()), TRANSACTIONAL_OPEN_SHARE, false));
      out.add(honest(w, "order-en", CampaignTemplates.order("en", order + 1), "transactional", "en", 8 * HOUR, flat(params.transactionalReach()), TRANSACTIONAL_OPEN_SHARE, false));
      out.add(honest(w, "bday-fr", CampaignTemplates.BIRTHDAY_FR, "promotional", "fr", 9 * HOUR, flat(1.0), BIRTHDAY_OPEN_SHARE, true));
      out.add(honest(w, "bday-en", CampaignTemplates.BIRTHDAY_EN, "promotional", "en", 9 * HOUR, flat(1.0), BIRTHDAY_OPEN_SHARE, true));
      if (w % TERMS_EVERY_WEEKS == 3) {
        out.add(honest(w, "terms-fr", CampaignTemplates.TERMS_FR, "service", "fr", 10 * HOUR, flat(1.0), params.otherOpenShare(), false));
        out.add(honest(w, "terms-en", CampaignTemplates.TERMS_EN, "service", "en", 10 * HOUR, flat(1.0), params.otherOpenShare(), false));
      }
      out.add(honest(w, "nl-fr", CampaignTemplates.NEWSLETTER_FR, "newsletter", "fr", DAY + 8 * HOUR, flat(1.0), 1.0, false));
      out.add(honest(w, "nl-en", CampaignTemplates.NEWSLETTER_EN, "newsletter", "en", DAY + 8 * HOUR, flat(1.0), 1.0, false));
      boolean deceptiveWeek = deceptiveWeeks.contains(w);
      if (deceptiveWeek) {
        out.add(deceptive(w, "dec-fr1", "fr", frIndex++, 2 * DAY + 18 * HOUR, frDeceptive));
        out.add(deceptive(w, "dec-en", "en", enIndex++, 4 * DAY + 11 * HOUR, enDeceptive));
        if (deceptiveWeekIndex % 2 == 1) {
          out.add(deceptive(w, "dec-fr2", "fr", frIndex++, 4 * DAY + 11 * HOUR, frDeceptive));
        }
        deceptiveWeekIndex++;
      }
      Template promoFr = pick(CampaignTemplates.PROMOS_FR, "promo-fr1", w);
      String repeatsFr = null;
      if (lastChance.containsKey("fr")) {
        promoFr = CampaignTemplates.repeatOf(template(lastChance.get("fr")), "fr");
        repeatsFr = lastChance.get("fr").id();
      }
      out.add(withRepeat(honest(w, "promo-fr1", promoFr, "promotional", "fr", 3 * DAY + 10 * HOUR, reach(SegmentProfile::promoReach), params.otherOpenShare(), false), repeatsFr));
      Template promoEn = summer ? CampaignTemplates.SUMMER_EN : pick(CampaignTemplates.PROMOS_EN, "promo-en", w);
      String repeatsEn = null;
      if (lastChance.containsKey("en")) {
        promoEn = CampaignTemplates.repeatOf(template(lastChance.get("en")), "en");
        repeatsEn = lastChance.get("en").id();
      }
      out.add(withRepeat(honest(w, "promo-en", promoEn, "promotional", "en", 3 * DAY + 10 * HOUR, reach(SegmentProfile::promoReach), params.otherOpenShare(), false), repeatsEn));
      Template promoFr2 = summer ? CampaignTemplates.SUMMER_FR : pick(CampaignTemplates.PROMOS_FR, "promo-fr2", w);
      out.add(honest(w, "promo-fr2", promoFr2, "promotional", "fr", 5 * DAY + 9 * HOUR + 30 * MINUTE, reach(SegmentProfile::promoReach), params.otherOpenShare(), false));
      lastChance.clear();
      for (Campaign c : out) {
        if (c.week() == w && c.deceptive() && "false_urgency".equals(c.family())) {
          lastChance.put(c.audience(), c);
        }
      }
    }
    out.sort((a, b) -> a.launch().equals(b.launch()) ? a.id().compareTo(b.id()) : a.launch().compareTo(b.launch()));
    return out;
  }

  private Campaign honest(int w, String slot, Template t, String kind, String audience, long localTime,
                          Map<String, Double> reach, double openShare, boolean birthday) {
    Boolean label = t.lookalike() || draws.uniform("label", w, slot.hashCode()) < LABEL_SHARE_HONEST ? Boolean.FALSE : null;
    double bounce = "newsletter".equals(kind) || birthday ? 0.0 : params.bounceRate();
    return campaign(w, slot, t, kind, false, audience, localTime, label, null, 0.0, bounce, openShare, reach, birthday);
  }

  private Campaign deceptive(int w, String slot, String audience, int index, long localTime, int campaignsForAudience) {
    List<Template> templates = "fr".equals(audience) ? CampaignTemplates.DECEPTIVE_FR : CampaignTemplates.DECEPTIVE_EN;
    int offset = draws.choose(templates.size(), "deceptive-rotation", "fr".equals(audience) ? 0 : 1);
    Template t = templates.get((offset + index) % templates.size());
    Boolean label = draws.uniform("label", w, slot.hashCode()) < LABEL_SHARE_DECEPTIVE ? Boolean.TRUE : null;
    Double declared = options.holdoutShare() > 0 ? options.holdoutShare() : null;
    Map<String, Double> reach = reach(s -> Math.min(0.9, s.deceptiveReach() / campaignsForAudience));
    return campaign(w, slot, t, "promotional", true, audience, localTime, label, declared,
        options.actualHoldoutShare(), params.bounceRate(), params.deceptiveOpenShare(), reach, false);
  }

  private Campaign campaign(int w, String slot, Template t, String kind, boolean deceptive, String audience,
                            long localTime, Boolean label, Double declaredHoldout, double actualHoldout,
                            double bounce, double openShare, Map<String, Double> reach, boolean birthday) {
    long jitter = birthday ? 0 : draws.choose(20, "launch-jitter", w, slot.hashCode()) * MINUTE;
    String day = clock.monday(w).plusDays(localTime / DAY).format(DAY_ID);
    int seq = perDay.merge(day, 1, Integer::sum);
    String id = String.format("cmp-%s-%02d", day, seq);
    String language = draws.uniform("language", w, slot.hashCode()) < NO_LANGUAGE_SHARE ? null : audience;
    return new Campaign(id, w, kind, t.family(), deceptive, audience, t.subject(), t.senderName(),
        t.senderAddress(), clock.at(w, localTime + jitter), language, label, declaredHoldout, actualHoldout,
        bounce, openShare, reach, birthday, null);
  }

  private static Campaign withRepeat(Campaign c, String repeats) {
    return new Campaign(c.id(), c.week(), c.kind(), c.family(), c.deceptive(), c.audience(), c.subject(),
        c.senderName(), c.senderAddress(), c.launch(), c.language(), c.labelDeceptive(), c.declaredHoldoutShare(),
        c.actualHoldoutShare(), c.bounceRate(), c.openShare(), c.reach(), c.birthday(), repeats);
  }

  private Template template(Campaign lastChance) {
    List<Template> all = new ArrayList<>(CampaignTemplates.DECEPTIVE_FR);
    all.addAll(CampaignTemplates.DECEPTIVE_EN);
    return all.stream().filter(t -> t.subject().equals(lastChance.subject())).findFirst().orElseThrow();
  }

  private Template pick(List<Template> templates, String slot, int w) {
    return templates.get(draws.choose(templates.size(), "promo-subject", w, slot.hashCode()));
  }

  private Map<String, Double> flat(double value) {
    return reach(s -> value);
  }

  private Map<String, Double> reach(java.util.function.ToDoubleFunction<SegmentProfile> f) {
    Map<String, Double> out = new LinkedHashMap<>();
    params.segments().forEach(s -> out.put(s.name(), f.applyAsDouble(s)));
    return out;
  }
}
