package com.trustlens.panel;

import static com.trustlens.panel.Fixtures.W1;
import static com.trustlens.panel.Fixtures.W2;
import static com.trustlens.panel.Fixtures.W3;

import com.trustlens.testing.DataFrames;
import com.trustlens.testing.SharedSpark;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class PanelBuilderTest {
  private final SparkSession spark;

  PanelBuilderTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> panel() {
    return new PanelBuilder(Fixtures.WEEKS, Fixtures.START, Fixtures.END, Fixtures.WINDOW_END, 48,
        Map.of("opened", 1.0, "active", 0.5))
        .apply(Fixtures.customers(spark), Fixtures.events(spark));
  }

  @Test
  void everyMetricMatchesItsHandComputedValue() {
    Dataset<Row> actual = panel();
    // customer, period, opened, clicked, visited, purchased, revenue, unsubscribed, complained,
    // service_contacts, unanswered_contacts, nps, active, trust_index
    Dataset<Row> expected = DataFrames.rows(spark, actual.schema(),
        new Object[] {"A", W1, 1, 0, 0, 0, 0.0, 0, 0, 0, 0, null, 1, 150.0},
        new Object[] {"A", W2, 0, 1, 0, 1, 15.0, 1, 0, 0, 0, null, 0, 0.0},
        new Object[] {"A", W3, 0, 0, 0, 0, 0.0, 1, 0, 0, 0, null, 0, 0.0},
        new Object[] {"B", W1, 0, 0, 0, 0, 0.0, 0, 0, 1, 0, null, 1, 50.0},
        new Object[] {"B", W2, 0, 0, 0, 0, 0.0, 0, 1, 1, 1, null, 1, 50.0},
        new Object[] {"B", W3, 0, 0, 0, 0, 0.0, 0, 1, 1, 1, 7.0, 1, 50.0},
        new Object[] {"C", W1, 0, 0, 0, 0, 0.0, 0, 0, 0, 0, null, 0, 0.0},
        new Object[] {"C", W2, 0, 0, 0, 0, 0.0, 0, 0, 0, 0, null, 0, 0.0},
        new Object[] {"C", W3, 1, 0, 0, 0, 0.0, 0, 0, 0, 0, null, 0, 100.0});
    DataFrames.assertSameRows(expected, actual);
  }

  @Test
  void aMondayHalfPastMidnightInParisWrittenInUtcBelongsToMondaysWeek() {
    Row a1 = panel().filter("customer_key = 'A' and period = date'2025-01-06'").first();
    // e1 is 2025-01-05T23:30Z (a Sunday in UTC); the only other open of A that week is e2.
    org.junit.jupiter.api.Assertions.assertEquals(1, (int) a1.<Integer>getAs("opened"));
    Dataset<Row> onlyE1 = Fixtures.events(spark).filter("event_id = 'e1'");
    Row r = new PanelBuilder(Fixtures.WEEKS, Fixtures.START, Fixtures.END, Fixtures.WINDOW_END, 48, Map.of())
        .apply(Fixtures.customers(spark), onlyE1).filter("customer_key = 'A' and opened = 1").first();
    org.junit.jupiter.api.Assertions.assertEquals(W1, r.getAs("period"));
  }

  @Test
  void panelFromAPeriodOnEqualsTheWholePanelFromThatPeriod() {
    PanelBuilder builder = new PanelBuilder(Fixtures.WEEKS, Fixtures.START, Fixtures.END, Fixtures.WINDOW_END, 48,
        Map.of("opened", 1.0, "active", 0.5));
    Dataset<Row> fromW2 = builder.apply(Fixtures.customers(spark), Fixtures.events(spark), W2.toLocalDate());
    DataFrames.assertSameRows(panel().filter("period >= date'2025-01-13'"), fromW2);
  }

  @Test
  void aNewReplyTouchesThePeriodOfTheContactItMayAnswer() {
    PanelBuilder builder = new PanelBuilder(Fixtures.WEEKS, Fixtures.START, Fixtures.END, Fixtures.WINDOW_END, 48,
        Map.of());
    // A reply on Monday of week 3 may answer a contact of the Saturday before, in week 2.
    Dataset<Row> reply = Fixtures.events(spark).limit(1)
        .selectExpr("'r1' as event_id", "customer_key", "'service_reply' as event_type",
            "timestamp'2025-01-20 09:00:00' as event_time", "campaign_id", "amount", "score");
    org.junit.jupiter.api.Assertions.assertEquals(W2, builder.firstTouchedPeriod(reply).first().getDate(0));
    Dataset<Row> open = reply.selectExpr("event_id", "customer_key", "'email_open' as event_type", "event_time",
        "campaign_id", "amount", "score");
    org.junit.jupiter.api.Assertions.assertEquals(W3, builder.firstTouchedPeriod(open).first().getDate(0));
  }
}
