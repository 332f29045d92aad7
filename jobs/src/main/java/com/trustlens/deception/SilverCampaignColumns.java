package com.trustlens.deception;

/** Column names of the silver campaigns table (schemas/silver/campaigns.json) that deception reads. */
final class SilverCampaignColumns {
  static final String CAMPAIGN_ID = "campaign_id";
  static final String CHANNEL = "channel";
  static final String KIND = "kind";
  static final String SUBJECT = "subject";
  static final String SENDER_NAME = "sender_name";
  static final String SENDER_ADDRESS = "sender_address";
  static final String SENT_AT = "sent_at";
  static final String LANGUAGE = "language";
  static final String LABEL_DECEPTIVE = "label_deceptive";
  static final String HOLDOUT_SHARE = "holdout_share";
  static final String EXTRAS = "extras";

  private SilverCampaignColumns() {}
}
