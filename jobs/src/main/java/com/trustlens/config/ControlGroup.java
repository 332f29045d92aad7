package com.trustlens.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which customers serve as controls of a cohort (SPEC §5). */
public enum ControlGroup {
  NOT_YET_TREATED, NEVER_TREATED, HOLDOUT;

  @JsonValue
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
