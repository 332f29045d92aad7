package com.trustlens.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Length of the analysis period: ISO week starting Monday, calendar month, or day. */
public enum PeriodUnit {
  DAY, WEEK, MONTH;

  @JsonValue
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
