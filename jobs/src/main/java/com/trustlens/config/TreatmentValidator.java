package com.trustlens.config;

import static com.trustlens.config.ConfigValidator.atLeast;
import static com.trustlens.config.ConfigValidator.require;
import static com.trustlens.config.ConfigValidator.requireText;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks the treatments list; the first problem is thrown naming its key, e.g. treatments[1].after_hours. */
final class TreatmentValidator {
  /** Treatment names end up in every estimate table and in log lines: short identifiers. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private TreatmentValidator() {}

  static void validate(List<TreatmentSpec> treatments) {
    require(treatments, "treatments");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < treatments.size(); i++) {
      String key = "treatments[" + i + "]";
      TreatmentSpec t = treatments.get(i);
      require(t, key);
      requireText(t.name(), key + ".name");
      if (!NAME.matcher(t.name()).matches()) {
        throw new ConfigException(key + ".name", "'" + t.name() + "' is not a treatment name: lower-case letters, digits"
            + " and _, starting with a letter, at most 40 characters");
      }
      if (!names.add(t.name())) {
        throw new ConfigException(key + ".name", "'" + t.name() + "' is already the name of an earlier treatment");
      }
      require(t.kind(), key + ".kind");
      switch (t.kind()) {
        case DECEPTIVE_MAIL -> deceptiveMail(t, key);
        case LATE_SEND -> lateSend(t, key);
        case UNANSWERED_CONTACT -> unansweredContact(t, key);
      }
    }
  }

  private static void deceptiveMail(TreatmentSpec t, String key) {
    if (!t.name().equals(TreatmentSpec.DECEPTIVE_MAIL)) {
      throw new ConfigException(key + ".name", "kind deceptive_mail must be named deceptive_mail (the campaign audit"
          + " and the run summary refer to it by that name)");
    }
    notUsed(t.afterHours(), key + ".after_hours", "deceptive_mail");
    notUsed(t.campaignKind(), key + ".campaign_kind", "deceptive_mail");
    notUsed(t.subjectPattern(), key + ".subject_pattern", "deceptive_mail");
  }

  private static void lateSend(TreatmentSpec t, String key) {
    require(t.afterHours(), key + ".after_hours");
    atLeast(t.afterHours(), 0, key + ".after_hours");
    if (t.campaignKind() != null) requireText(t.campaignKind(), key + ".campaign_kind");
    if (t.subjectPattern() != null) {
      try {
        Pattern.compile(t.subjectPattern());
      } catch (PatternSyntaxException e) {
        throw new ConfigException(key + ".subject_pattern", "'" + t.subjectPattern() + "' is not a valid regular"
            + " expression: " + e.getDescription());
      }
    }
  }

  private static void unansweredContact(TreatmentSpec t, String key) {
    require(t.afterHours(), key + ".after_hours");
    atLeast(t.afterHours(), 1, key + ".after_hours");
    notUsed(t.campaignKind(), key + ".campaign_kind", "unanswered_contact");
    notUsed(t.subjectPattern(), key + ".subject_pattern", "unanswered_contact");
  }

  private static void notUsed(Object value, String key, String kind) {
    if (value != null) {
      throw new ConfigException(key, "is not used by kind " + kind + "; remove it");
    }
  }
}
