package com.trustlens.deception;

import com.trustlens.schema.Schemas;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Hand-sized silver campaign fixtures and a shortcut to classify them with the built-in rules. */
final class Campaigns {
  /** One campaign: the columns rules read; the others of the silver schema are null. */
  record Campaign(String id, String kind, String subject, String senderName, String senderAddress,
      String language, Boolean label, String sentAt) {

    Campaign withLanguage(String lang) {
      return new Campaign(id, kind, subject, senderName, senderAddress, lang, label, sentAt);
    }

    Campaign withLabel(Boolean value) {
      return new Campaign(id, kind, subject, senderName, senderAddress, language, value, sentAt);
    }

    Campaign sentAt(String instant) {
      return new Campaign(id, kind, subject, senderName, senderAddress, language, label, instant);
    }
  }

  static final DeceptionRules BUILT_IN = DeceptionRules.load(null);

  private Campaigns() {}

  static Campaign promo(String id, String subject, String senderName) {
    return new Campaign(id, "promotional", subject, senderName, "news@brand.example", null, null, null);
  }

  static Campaign ofKind(String kind, String id, String subject, String senderName) {
    return new Campaign(id, kind, subject, senderName, "news@brand.example", null, null, null);
  }

  /** The campaigns as a silver campaigns frame (schemas/silver/campaigns.json). */
  static Dataset<Row> silver(SparkSession spark, Campaign... campaigns) {
    List<Row> rows = Arrays.stream(campaigns).map(c -> RowFactory.create(c.id(), "email", c.kind(), c.subject(),
        c.senderName(), c.senderAddress(), c.sentAt() == null ? null : Timestamp.from(Instant.parse(c.sentAt())),
        c.language(), c.label(), null, Map.of())).toList();
    return spark.createDataFrame(rows, Schemas.silver("campaigns").structType());
  }

  /** campaign_deception rows by campaign id, scored with the built-in rules and threshold 0.5. */
  static Map<String, Row> classify(SparkSession spark, Campaign... campaigns) {
    return classify(spark, new CampaignClassifier(BUILT_IN, 0.5), campaigns);
  }

  static Map<String, Row> classify(SparkSession spark, CampaignClassifier classifier, Campaign... campaigns) {
    Map<String, Row> byId = new HashMap<>();
    for (Row r : classifier.apply(silver(spark, campaigns)).collectAsList()) {
      byId.put(r.getAs(CampaignDeception.CAMPAIGN_ID), r);
    }
    return byId;
  }

  static boolean deceptive(Row r) {
    return r.getAs(CampaignDeception.DECEPTIVE);
  }

  static List<String> rules(Row r) {
    return r.getList(r.fieldIndex(CampaignDeception.RULES));
  }

  static double score(Row r) {
    return r.getAs(CampaignDeception.DECEPTION_SCORE);
  }
}
