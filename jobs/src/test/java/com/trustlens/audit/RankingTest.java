package com.trustlens.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** campaign_impact's order: the worst net balance first, campaigns without one last by launch time. */
class RankingTest {
  private static final TableSchema SCHEMA = Schemas.output("campaign_impact");

  private static Map<String, Object> campaign(String id, Double net, String sentAt) {
    Map<String, Object> v = new HashMap<>();
    SCHEMA.columnNames().forEach(c -> v.put(c, null));
    v.put("campaign_id", id);
    v.put("net_revenue_effect", net);
    v.put("sent_at", Timestamp.valueOf(sentAt));
    return v;
  }

  @Test
  void rowsAreRankedByNetEffectWorstFirstAndThoseWithoutOneLastByLaunch() {
    List<Row> rows = CampaignAudit.ranked(List.of(
        campaign("small-loss", -5.0, "2025-02-01 10:00:00"),
        campaign("hidden-late", null, "2025-03-01 10:00:00"),
        campaign("gain", 3.0, "2025-01-10 10:00:00"),
        campaign("big-loss", -20.0, "2025-02-10 10:00:00"),
        campaign("hidden-early", null, "2025-01-02 10:00:00")), SCHEMA);
    int id = SCHEMA.columnNames().indexOf("campaign_id");
    int rank = SCHEMA.columnNames().indexOf("net_effect_rank");
    assertEquals(List.of("big-loss", "small-loss", "gain", "hidden-early", "hidden-late"),
        rows.stream().map(r -> r.getString(id)).toList());
    assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(r -> r.getInt(rank)).toList());
  }
}
