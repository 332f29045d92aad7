package com.trustlens.deception;

/** Column names and label sources of the campaign_deception table (schemas/output/campaign_deception.json). */
public final class CampaignDeception {
  public static final String TABLE = "campaign_deception";
  public static final String CAMPAIGN_ID = "campaign_id";
  public static final String DECEPTION_SCORE = "deception_score";
  public static final String DECEPTIVE = "deceptive";
  public static final String RULES = "rules";
  public static final String LABEL_SOURCE = "label_source";
  public static final String LANGUAGE = "language";
  public static final String SENT_AT = "sent_at";
  public static final String KIND = "kind";

  /** label_source when label_deceptive decided. */
  public static final String MANUAL = "manual";
  /** label_source when the score and threshold decided. */
  public static final String RULES_SOURCE = "rules";

  private CampaignDeception() {}
}
