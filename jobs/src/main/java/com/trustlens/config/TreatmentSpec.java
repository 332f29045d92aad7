package com.trustlens.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One treatment of a run: a name (the {@code treatment} value of every table) and a rule kind with
 * its parameters. {@code deceptive_mail} is always estimated unless listed with {@code enabled: false}.
 *
 * @param afterHours late_send: hours after scheduled_for beyond which a send is late; unanswered_contact:
 *     hours a reply may take (null: the kind's default)
 * @param campaignKind late_send only: keep campaigns of this kind (null: any)
 * @param subjectPattern late_send only: keep campaigns whose subject matches this Java regex (null: any)
 * @param enabled false to leave the treatment out (null: true)
 */
public record TreatmentSpec(String name, TreatmentKind kind, Integer afterHours, String campaignKind,
    String subjectPattern, Boolean enabled) {
  /** Name of the default treatment, which the campaign audit and the survival headline refer to. */
  public static final String DECEPTIVE_MAIL = "deceptive_mail";
  /** late_send: a day late, as the birthday mail of the background story. */
  public static final int LATE_SEND_AFTER_HOURS_DEFAULT = 24;

  /** The default treatment. */
  public static TreatmentSpec deceptiveMail() {
    return new TreatmentSpec(DECEPTIVE_MAIL, TreatmentKind.DECEPTIVE_MAIL, null, null, null, true);
  }

  public boolean isEnabled() {
    return enabled == null || enabled;
  }

  /**
   * The same treatment with its default delay filled in: 24 h for late_send, the panel's
   * analysis.unanswered_after_hours for unanswered_contact (so that the treatment and the
   * unanswered_contacts metric agree unless told otherwise).
   */
  TreatmentSpec withDefaults(int unansweredAfterHours) {
    if (afterHours != null || kind == null) return this;
    Integer hours = switch (kind) {
      case LATE_SEND -> LATE_SEND_AFTER_HOURS_DEFAULT;
      case UNANSWERED_CONTACT -> unansweredAfterHours;
      case DECEPTIVE_MAIL -> null;
    };
    return new TreatmentSpec(name, kind, hours, campaignKind, subjectPattern, enabled);
  }

  /** The treatments a run estimates: the enabled ones, deceptive_mail first unless configured otherwise. */
  public static List<TreatmentSpec> active(List<TreatmentSpec> configured) {
    List<TreatmentSpec> out = new ArrayList<>();
    if (configured.stream().noneMatch(t -> t.kind() == TreatmentKind.DECEPTIVE_MAIL)) {
      out.add(deceptiveMail());
    }
    configured.stream().filter(TreatmentSpec::isEnabled).forEach(out::add);
    return List.copyOf(out);
  }
}
