package com.trustlens.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * The weekly probabilities of a reachable customer, written once and used both to draw the
 * realised outcomes and to compute their expectations in truth.json. They read the customer's
 * segment parameters (columns {@code sp_*} of {@link CustomerModel}) and engagement, and take
 * the treatment state as columns: {@code deceptive} (the week is at or after the first deceptive
 * mail), {@code e} (event time since it), {@code late} and {@code unanswered} (the week is after
 * the first incident of that kind).
 */
final class Behaviour {
  private static final double TREND_FLOOR = 0.1;
  private final ModelParameters params;
  private final Column openCurve;
  private final Column clickCurve;
  private final Column purchaseCurve;

  Behaviour(ModelParameters params) {
    this.params = params;
    this.openCurve = curve(params.deception().open());
    this.clickCurve = curve(params.deception().clickGivenOpen());
    this.purchaseCurve = curve(params.deception().purchase());
  }

  ModelParameters params() {
    return params;
  }

  private static Column curve(double[] values) {
    return array(Arrays.stream(values).mapToObj(v -> lit(v)).toArray(Column[]::new));
  }

  private static Column at(Column curve, Column deceptive, Column e) {
    return when(deceptive, element_at(curve, e.cast("int").plus(1))).otherwise(lit(1.0));
  }

  private static Column factor(Column on, double multiplier) {
    return when(on, lit(multiplier)).otherwise(lit(1.0));
  }

  /** Seasonal factor common to every segment. */
  Column season(Column week) {
    return lit(1.0).plus(sin(week.multiply(2 * Math.PI / params.seasonPeriodWeeks())).multiply(params.seasonAmplitude()));
  }

  private static Column trend(Column slope, Column week) {
    return greatest(lit(TREND_FLOOR), lit(1.0).plus(slope.multiply(week)));
  }

  private Column cap(Column p) {
    return least(lit(params.maxProbability()), p);
  }

  /** Probability of at least one email_open in the week. */
  Column open(Column week, Column deceptive, Column e, Column late, Column unanswered) {
    return cap(col("engagement").multiply(col("sp_open")).multiply(trend(col("sp_open_trend"), week))
        .multiply(season(week)).multiply(at(openCurve, deceptive, e))
        .multiply(factor(late, params.lateSend().open())).multiply(factor(unanswered, params.unanswered().open())));
  }

  /** Probability of an email_click in a week with an open. */
  Column clickGivenOpen(Column deceptive, Column e) {
    return cap(col("sp_click").multiply(at(clickCurve, deceptive, e)));
  }

  /** Probability of a purchase in the week. */
  Column purchase(Column week, Column deceptive, Column e, Column late, Column unanswered) {
    return cap(col("engagement").multiply(col("sp_purchase")).multiply(trend(col("sp_purchase_trend"), week))
        .multiply(season(week)).multiply(at(purchaseCurve, deceptive, e))
        .multiply(factor(late, params.lateSend().purchase()))
        .multiply(factor(unanswered, params.unanswered().purchase())));
  }

  /** Probability of each browsing visit (not in truth.json); eroded like opens. */
  Column browse(Column week, Column deceptive, Column e) {
    return cap(col("engagement").multiply(col("sp_browse")).multiply(season(week)).multiply(at(openCurve, deceptive, e)));
  }

  /** Weekly unsubscribe hazard. */
  Column unsubscribeHazard(Column deceptive) {
    return col("sp_unsubscribe").multiply(factor(deceptive, params.deception().unsubscribeRatio()));
  }

  /** Weekly account_closed hazard. */
  Column closeHazard(Column deceptive) {
    return col("sp_close").multiply(factor(deceptive, params.deception().closeRatio()));
  }

  /** Weekly spam_complaint hazard. */
  Column complaintHazard(Column deceptive) {
    return col("sp_complaint").multiply(factor(deceptive, params.deception().complaintRatio()));
  }

  /** Points added to an NPS answer given the treatment state. */
  Column npsShift(Column deceptive, Column late, Column unanswered) {
    return factorShift(deceptive, params.deception().npsShift())
        .plus(factorShift(late, params.lateSend().npsShift()))
        .plus(factorShift(unanswered, params.unanswered().npsShift()));
  }

  private static Column factorShift(Column on, double shift) {
    return when(on, lit(shift)).otherwise(lit(0.0));
  }
}
