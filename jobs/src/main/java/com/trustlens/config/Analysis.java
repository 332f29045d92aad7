package com.trustlens.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What is measured and how: periods, window, control group, strata, metrics, inference settings
 * ({@code buckets}: random customer buckets the estimation's sufficient statistics are kept by;
 * {@code attritionWeights}: whether controls are weighted for the chance of staying untreated;
 * {@code minExpectedEvents}: events an absorbing metric's estimate needs before its interval is shown).
 */
public record Analysis(
    PeriodUnit period,
    String timezone,
    LocalDate start,
    LocalDate end,
    ControlGroup controlGroup,
    List<String> strata,
    int prePeriods,
    int horizon,
    List<String> metrics,
    int minCellSize,
    double confidence,
    Bootstrap bootstrap,
    Map<String, Double> trustIndex,
    int unansweredAfterHours,
    int survivalHorizonDays,
    int buckets,
    boolean attritionWeights,
    int minExpectedEvents) {

  public Analysis {
    strata = List.copyOf(strata);
    metrics = List.copyOf(metrics);
    trustIndex = Map.copyOf(trustIndex);
  }

  public java.time.ZoneId zone() {
    return java.time.ZoneId.of(timezone);
  }
}
