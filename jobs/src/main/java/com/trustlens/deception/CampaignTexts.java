package com.trustlens.deception;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The per-campaign inputs of rule matching: every {@link RuleField} folded once, the normalised
 * kind, the sender key repetition is counted by, and the language rules are chosen by.
 */
final class CampaignTexts {
  static final String KIND_KEY = "_kind_key";
  static final String SENDER_KEY = "_sender_key";
  static final String LANGUAGE = "_language";

  private static final Map<RuleField, String> FIELD_COLUMNS = Map.of(
      RuleField.SUBJECT, "_f_subject",
      RuleField.RAW_SUBJECT, "_f_raw_subject",
      RuleField.SENDER_NAME, "_f_sender_name",
      RuleField.SENDER_ADDRESS, "_f_sender_address",
      RuleField.SENDER, "_f_sender",
      RuleField.TEXT, "_f_text");

  private CampaignTexts() {}

  /** The folded column of a field, once {@link #of} has added it. */
  static Column field(RuleField f) {
    return col(FIELD_COLUMNS.get(f));
  }

  /**
   * Keeps the columns campaign_deception needs and adds the folded fields the rules use. Only
   * campaign_id is required: a missing optional silver column reads as null, so a partial frame
   * still classifies.
   */
  static Dataset<Row> of(Dataset<Row> campaigns, Set<RuleField> used) {
    if (!Arrays.asList(campaigns.columns()).contains(SilverCampaignColumns.CAMPAIGN_ID)) {
      throw new IllegalArgumentException("campaigns have no column " + SilverCampaignColumns.CAMPAIGN_ID
          + " (columns: " + String.join(", ", campaigns.columns()) + ")");
    }
    Column subject = optional(campaigns, SilverCampaignColumns.SUBJECT, "string");
    Column name = optional(campaigns, SilverCampaignColumns.SENDER_NAME, "string");
    Column address = optional(campaigns, SilverCampaignColumns.SENDER_ADDRESS, "string");
    Column label = optional(campaigns, SilverCampaignColumns.LABEL_DECEPTIVE, "boolean");
    Column folded = TextFolding.words(subject);
    Column text = concat_ws(" ", folded, TextFolding.words(name));
    Column rawText = concat_ws(" ", coalesce(subject, lit("")), coalesce(name, lit("")));
    Column declared = LanguageDetection.declared(optional(campaigns, SilverCampaignColumns.LANGUAGE, "string"));
    Map<RuleField, Column> fields = Map.of(
        RuleField.SUBJECT, folded,
        RuleField.RAW_SUBJECT, TextFolding.keepingPunctuation(subject),
        RuleField.SENDER_NAME, TextFolding.words(name),
        RuleField.SENDER_ADDRESS, TextFolding.words(address),
        RuleField.SENDER, TextFolding.sender(name, address),
        RuleField.TEXT, text);
    List<Column> cols = new ArrayList<>(List.of(
        col(SilverCampaignColumns.CAMPAIGN_ID),
        optional(campaigns, SilverCampaignColumns.SENT_AT, "timestamp").as(SilverCampaignColumns.SENT_AT),
        optional(campaigns, SilverCampaignColumns.KIND, "string").as(SilverCampaignColumns.KIND),
        lower(trim(optional(campaigns, SilverCampaignColumns.KIND, "string"))).as(KIND_KEY),
        label.as(SilverCampaignColumns.LABEL_DECEPTIVE),
        lower(trim(address)).as(SENDER_KEY),
        coalesce(declared, LanguageDetection.detected(text, rawText)).as(LANGUAGE)));
    // Only the fields some rule reads are folded: folding is most of the per-campaign cost.
    for (RuleField f : RuleField.values()) {
      if (used.contains(f)) cols.add(fields.get(f).as(FIELD_COLUMNS.get(f)));
    }
    return campaigns.select(cols.toArray(Column[]::new));
  }

  private static Column optional(Dataset<Row> campaigns, String name, String type) {
    return Arrays.asList(campaigns.columns()).contains(name)
        ? col(name).cast(type)
        : lit(null).cast(DataTypes.StringType).cast(type);
  }
}
