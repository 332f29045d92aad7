package com.trustlens.generate;

import java.util.List;

/**
 * Every number of the synthetic CRM's behavioural model in one place: segments, planted effects,
 * incident rates and effects. {@link #standard(int)} is what {@code trustlens generate} plants;
 * the {@code without...} variants give the counterfactual worlds the truth is defined against.
 *
 * @param segments customer segments, shares summing to 1
 * @param deception effect of the first delivered deceptive mail
 * @param lateSend effect of a birthday mail sent more than 24 h after its scheduled_for
 * @param unanswered effect of a service_contact that never gets a service_reply
 * @param seasonAmplitude amplitude of the seasonal factor 1 + a sin(2 pi week / period), common to all segments
 * @param seasonPeriodWeeks period of the seasonal factor, in weeks
 * @param maxProbability cap of every weekly probability (the truth applies the same cap)
 * @param serviceContactRate weekly probability of a service_contact of a reachable customer
 * @param replyShare share of service contacts answered (within 1-40 h); the others never are
 * @param npsRate weekly probability of an nps_response of a reachable customer
 * @param bounceRate probability that a promotional, deceptive, transactional or service mail bounces
 * @param lateShare probability that a birthday mail goes out more than 24 h late (when the week leaves room)
 * @param otherOpenShare in a week with an open (which is always on the week's newsletter), the
 *     probability of also opening each other honest promotional or service mail
 * @param deceptiveOpenShare the same for a deceptive mail (birthday mails 0.4, transactional 0.5):
 *     the deceptive mail's short-term lift in the campaign audit
 * @param otherClickShare in a week with a click (always on the newsletter), the probability of also
 *     clicking each other opened mail
 * @param transactionalReach weekly probability of receiving the real transactional mail
 */
public record ModelParameters(
    List<SegmentProfile> segments,
    DeceptionEffects deception,
    IncidentEffect lateSend,
    IncidentEffect unanswered,
    double seasonAmplitude,
    double seasonPeriodWeeks,
    double maxProbability,
    double serviceContactRate,
    double replyShare,
    double npsRate,
    double bounceRate,
    double lateShare,
    double otherOpenShare,
    double deceptiveOpenShare,
    double otherClickShare,
    double transactionalReach) {

  public ModelParameters {
    segments = List.copyOf(segments);
    double total = segments.stream().mapToDouble(SegmentProfile::share).sum();
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("segment shares sum to " + total + ", not 1");
    }
  }

  /** The model planted by {@code trustlens generate} for a window of {@code weeks} weeks. */
  public static ModelParameters standard(int weeks) {
    List<SegmentProfile> segments = List.of(
        // name, share, open, trend, click|open, purchase, trend, browse, unsub, close, complaint,
        // promo reach, deceptive reach, amount, nps, signup days min-max, loyalty min-max
        new SegmentProfile("gold", 0.15, 0.50, 0.003, 0.30, 0.10, 0.002, 0.45,
            0.0010, 0.0003, 0.0005, 0.35, 0.35, 95, 8.2, 730, 2920, 2000, 10000),
        new SegmentProfile("silver", 0.25, 0.42, 0.000, 0.25, 0.07, 0.000, 0.35,
            0.0015, 0.0004, 0.0008, 0.30, 0.60, 70, 7.4, 365, 2190, 800, 4000),
        new SegmentProfile("bronze", 0.40, 0.32, -0.003, 0.20, 0.045, -0.002, 0.25,
            0.0022, 0.0005, 0.0010, 0.25, 0.90, 50, 6.8, 180, 1825, 100, 1500),
        new SegmentProfile("new", 0.20, 0.40, -0.008, 0.22, 0.06, -0.006, 0.30,
            0.0030, 0.0008, 0.0012, 0.30, 1.20, 55, 7.0, 1, 90, 0, 200));
    return new ModelParameters(segments, DeceptionEffects.standard(weeks),
        new IncidentEffect("late_send", 0.95, 0.95, -1.0),
        new IncidentEffect("unanswered_contact", 1.0, 0.85, -2.0),
        0.08, 26, 0.95, 0.025, 0.8, 0.02, 0.012, 0.2, 0.2, 0.6, 0.5, 0.03);
  }

  /** The same model without the deceptive mail's effect: Y(0) of the deceptive_mail treatment. */
  public ModelParameters withoutDeceptionEffects() {
    return new ModelParameters(segments, DeceptionEffects.none(deception.open().length), lateSend, unanswered,
        seasonAmplitude, seasonPeriodWeeks, maxProbability, serviceContactRate, replyShare, npsRate, bounceRate,
        lateShare, otherOpenShare, deceptiveOpenShare, otherClickShare, transactionalReach);
  }

  /** The same model without the late birthday mail's effect: Y(0) of the late_send treatment. */
  public ModelParameters withoutLateSendEffect() {
    return new ModelParameters(segments, deception, lateSend.none(), unanswered, seasonAmplitude, seasonPeriodWeeks,
        maxProbability, serviceContactRate, replyShare, npsRate, bounceRate, lateShare, otherOpenShare,
        deceptiveOpenShare, otherClickShare, transactionalReach);
  }

  /** The same model without the unanswered contact's effect: Y(0) of the unanswered_contact treatment. */
  public ModelParameters withoutUnansweredEffect() {
    return new ModelParameters(segments, deception, lateSend, unanswered.none(), seasonAmplitude, seasonPeriodWeeks,
        maxProbability, serviceContactRate, replyShare, npsRate, bounceRate, lateShare, otherOpenShare,
        deceptiveOpenShare, otherClickShare, transactionalReach);
  }

  /** The same model with other incident effects and rates (sharper Monte Carlo checks of their truth). */
  public ModelParameters withIncidents(IncidentEffect lateSend, IncidentEffect unanswered, double lateShare,
                                       double serviceContactRate, double replyShare) {
    return new ModelParameters(segments, deception, lateSend, unanswered, seasonAmplitude, seasonPeriodWeeks,
        maxProbability, serviceContactRate, replyShare, npsRate, bounceRate, lateShare, otherOpenShare,
        deceptiveOpenShare, otherClickShare, transactionalReach);
  }

  /** The same model with every exit and complaint hazard multiplied (sharper Monte Carlo checks). */
  public ModelParameters withHazardsTimes(double factor) {
    return new ModelParameters(segments.stream().map(s -> s.withHazardsTimes(factor)).toList(), deception,
        lateSend, unanswered, seasonAmplitude, seasonPeriodWeeks, maxProbability, serviceContactRate, replyShare,
        npsRate, bounceRate, lateShare, otherOpenShare, deceptiveOpenShare, otherClickShare, transactionalReach);
  }

  public SegmentProfile segment(String name) {
    return segments.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no segment " + name));
  }
}
