package com.trustlens.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** The rules a treatment can be defined by: each a pure function over the inputs (see cohort.Treatments). */
public enum TreatmentKind {
  /** A delivered mail of a campaign classified deceptive (campaign_deception). */
  DECEPTIVE_MAIL,
  /** A delivered mail sent more than after_hours after its scheduled_for. */
  LATE_SEND,
  /** A service_contact without service_reply of the same customer within after_hours. */
  UNANSWERED_CONTACT;

  @JsonValue
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
