package com.trustlens.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.InputFormat;
import com.trustlens.config.InputSpec;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class IngestTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);

  private final SparkSession spark;
  private final Ingest ingest = new Ingest(PARIS, LocalDate.of(2025, 1, 6), new Pseudonymiser(KEY));
  @TempDir Path dir;

  IngestTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> checked(String source, String file, InputFormat format, String content) throws IOException {
    Path f = dir.resolve(file);
    Files.writeString(f, content);
    Dataset<Row> raw = new RawReader(spark).read(source, new InputSpec(f.toString(), format, Map.of()), Schemas.input(source));
    return ingest.check(source, raw);
  }

  private static Map<String, String> reasonsByKey(Dataset<Row> quarantine, String keyPattern) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : quarantine.collectAsList()) {
      java.util.regex.Matcher k = java.util.regex.Pattern.compile(keyPattern).matcher(r.getAs("raw"));
      m.put(k.find() ? k.group(1) : r.getAs("raw"), r.getAs("reason"));
    }
    return m;
  }

  private static final String EVENTS = String.join("\n",
      "{\"event_id\":\"ok1\",\"customer_id\":\"c1\",\"event_type\":\"email_open\",\"event_time\":\"2025-01-05T23:30:00Z\"}",
      "{\"event_id\":\"ok2\",\"customer_id\":\"c1\",\"event_type\":\"purchase\",\"event_time\":\"2025-01-06 00:30:00\",\"amount\":\"19.90\",\"channel\":\"web\"}",
      "{\"event_id\":\"ok3\",\"customer_id\":\"c2\",\"event_type\":\"NPS_RESPONSE\",\"event_time\":\"2025-01-06T00:30:00+01:00\",\"score\":10}",
      "{\"event_id\":\"ok2\",\"customer_id\":\"c1\",\"event_type\":\"purchase\",\"event_time\":\"2025-01-06 00:30:00\",\"amount\":\"19.90\",\"channel\":\"web\"}",
      "{\"event_id\":\"conflict\",\"customer_id\":\"c1\",\"event_type\":\"site_visit\",\"event_time\":\"2025-01-07T10:00:00Z\"}",
      "{\"event_id\":\"conflict\",\"customer_id\":\"c1\",\"event_type\":\"site_visit\",\"event_time\":\"2025-01-08T10:00:00Z\"}",
      "{\"event_id\":\"b_time\",\"customer_id\":\"c1\",\"event_type\":\"email_open\",\"event_time\":\"yesterday\"}",
      "{\"event_id\":\"b_amount\",\"customer_id\":\"c1\",\"event_type\":\"purchase\",\"event_time\":\"2025-01-07T10:00:00Z\",\"amount\":\"12,50€\"}",
      "{\"event_id\":\"b_score\",\"customer_id\":\"c1\",\"event_type\":\"nps_response\",\"event_time\":\"2025-01-07T10:00:00Z\",\"score\":11}",
      "{\"event_id\":\"b_scoretext\",\"customer_id\":\"c1\",\"event_type\":\"nps_response\",\"event_time\":\"2025-01-07T10:00:00Z\",\"score\":\"7.5\"}",
      "{\"event_id\":\"b_type\",\"customer_id\":\"c1\",\"event_type\":\"email_opn\",\"event_time\":\"2025-01-07T10:00:00Z\"}",
      "{\"event_id\":\"b_cust\",\"customer_id\":\"  \",\"event_type\":\"email_open\",\"event_time\":\"2025-01-07T10:00:00Z\"}",
      "{\"customer_id\":\"c9\",\"event_type\":\"email_open\",\"event_time\":\"2025-01-07T10:00:00Z\"}",
      "{\"event_id\":\"b_trunc\",\"customer_id\":\"c1\",\"event_ty",
      "",
      "{\"event_id\":\"ok4\",\"customer_id\":\"c3\",\"event_type\":\"email_open\",\"event_time\":\"2025-01-07T10:00+01:00\"}") + "\n";

  @Test
  void everyBadEventGoesToQuarantineWithItsReason() throws IOException {
    Dataset<Row> rows = checked("events", "events.jsonl", InputFormat.JSON, EVENTS);
    Dataset<Row> q = ingest.quarantine("events", rows, Instant.EPOCH);
    Map<String, String> expected = new TreeMap<>(Map.of(
        "b_time", "bad_timestamp_event_time",
        "b_amount", "bad_number_amount",
        "b_score", "out_of_range_score",
        "b_scoretext", "bad_number_score",
        "b_type", "unknown_event_type",
        "b_cust", "missing_customer_id",
        "b_trunc", "malformed_line",
        "conflict", "conflicting_duplicate"));
    expected.put("{\"customer_id\":\"c9\",\"event_type\":\"email_open\",\"event_time\":\"2025-01-07T10:00:00Z\"}", "missing_event_id");
    assertEquals(expected, reasonsByKey(q, "\"event_id\":\"([^\"]+)\""));
  }

  @Test
  void quarantineKeepsTheRawLineFileAndADetailNamingTheColumn() throws IOException {
    Dataset<Row> q = ingest.quarantine("events", checked("events", "events.jsonl", InputFormat.JSON, EVENTS), Instant.EPOCH);
    Row bad = q.filter(col("reason").equalTo("bad_timestamp_event_time")).first();
    assertEquals("{\"event_id\":\"b_time\",\"customer_id\":\"c1\",\"event_type\":\"email_open\",\"event_time\":\"yesterday\"}", bad.getAs("raw"));
    assertEquals("event_time 'yesterday' is not an ISO-8601 timestamp", bad.getAs("detail"));
    assertTrue(((String) bad.getAs("file")).endsWith("events.jsonl"));
  }

  @Test
  void validRowsAreKeptDeduplicatedAndTyped() throws IOException {
    Dataset<Row> rows = checked("events", "events.jsonl", InputFormat.JSON, EVENTS);
    Dataset<Row> silver = ingest.silver("events", rows);
    assertEquals(List.of("conflict", "ok1", "ok2", "ok3", "ok4"),
        silver.select("event_id").orderBy("event_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    Map<String, Long> status = new TreeMap<>();
    rows.groupBy(Ingest.STATUS).count().collectAsList().forEach(r -> status.put(r.getString(0), r.getLong(1)));
    assertEquals(Map.of("kept", 5L, "duplicate", 1L, "conflicting_duplicate", 1L, "invalid", 8L), status);
    Row ok2 = silver.filter(col("event_id").equalTo("ok2")).first();
    assertEquals(new java.math.BigDecimal("19.90"), ok2.getAs("amount"));
    assertEquals(Map.of("channel", "web"), scala.collection.JavaConverters.mapAsJavaMap(ok2.getAs("extras")));
    assertEquals(10, (int) silver.filter(col("event_id").equalTo("ok3")).first().<Integer>getAs("score"));
    assertEquals("nps_response", silver.filter(col("event_id").equalTo("ok3")).first().getAs("event_type"));
    // The conflicting id keeps the variant that sorts first by content, deterministically.
    assertEquals(java.sql.Timestamp.from(Instant.parse("2025-01-07T10:00:00Z")),
        silver.filter(col("event_id").equalTo("conflict")).first().getAs("event_time"));
  }

  @Test
  void duplicatesAreToldApartWithOneShuffleOfTheRows() throws IOException {
    // Ingest's cost is dominated by moving every row with its raw text: both window functions
    // must share one exchange and one sort (two of each before; see docs/benchmark.md).
    Dataset<Row> rows = checked("exposures", "exposures.csv", InputFormat.CSV,
        "customer_id,campaign_id,sent_at\nc1,k1,2025-01-07T10:00:00Z\nc1,k1,2025-01-07T10:00:00Z\n");
    String plan = rows.queryExecution().executedPlan().toString();
    assertEquals(1, plan.split("Exchange hashpartitioning", -1).length - 1, plan);
    assertEquals(1, plan.split("Window \\[", -1).length - 1, plan);
    assertEquals(List.of("duplicate", "kept"),
        rows.select(Ingest.STATUS).orderBy(Ingest.STATUS).as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void timestampsWithOffsetAreInstantsAndWithoutAreLocalToTheAnalysisZone() throws IOException {
    Dataset<Row> silver = ingest.silver("events", checked("events", "events.jsonl", InputFormat.JSON, EVENTS));
    Map<String, Instant> t = new TreeMap<>();
    silver.collectAsList().forEach(r -> t.put(r.getAs("event_id"), ((java.sql.Timestamp) r.getAs("event_time")).toInstant()));
    assertEquals(Instant.parse("2025-01-05T23:30:00Z"), t.get("ok1"));
    assertEquals(Instant.parse("2025-01-05T23:30:00Z"), t.get("ok2"), "00:30 without offset is Paris time");
    assertEquals(Instant.parse("2025-01-05T23:30:00Z"), t.get("ok3"));
    assertEquals(Instant.parse("2025-01-07T09:00:00Z"), t.get("ok4"), "minutes without seconds are accepted");
  }

  @Test
  void customerKeyIsTheHmacOfTheCustomerId() throws Exception {
    Dataset<Row> silver = ingest.silver("events", checked("events", "events.jsonl", InputFormat.JSON, EVENTS));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(mac.doFinal("c2".getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    assertEquals(expected, silver.filter(col("event_id").equalTo("ok3")).first().getAs("customer_key"));
    assertFalse(List.of(silver.columns()).contains("customer_id"));
  }

  @Test
  void csvRowsWithTheWrongNumberOfFieldsAreMalformedAndBadValuesNamed() throws IOException {
    String csv = "customer_id,campaign_id,sent_at,delivered,holdout,extra_col\n"
        + "c1,k1,2025-01-07T10:00:00Z,true,false,x\n"
        + "c2,k1,2025-01-07T10:00:00Z\n"
        + "c3,k1,not-a-time,true,false,x\n"
        + "c4,k1,2025-01-07T10:00:00Z,maybe,false,x\n"
        + "c5,,2025-01-07T10:00:00Z,,,\n"
        + "c1,k1,2025-01-07T10:00:00Z,true,false,x\n"
        + "c6,k1,2025-01-07 11:00:00,,,\n";
    Dataset<Row> rows = checked("exposures", "exposures.csv", InputFormat.CSV, csv);
    Map<String, String> reasons = reasonsByKey(ingest.quarantine("exposures", rows, Instant.EPOCH), "^(c\\d)");
    assertEquals(Map.of("c2", "malformed_line", "c3", "bad_timestamp_sent_at", "c4", "bad_boolean_delivered",
        "c5", "missing_campaign_id"), reasons);
    Dataset<Row> silver = ingest.silver("exposures", rows);
    assertEquals(2, silver.count(), "c1 (once: its exact duplicate is dropped) and c6");
    Row c6 = silver.filter(col("sent_at").equalTo(java.sql.Timestamp.from(Instant.parse("2025-01-07T10:00:00Z")))).first();
    assertEquals(true, c6.getAs("delivered"), "delivered defaults to true");
    assertEquals(false, c6.getAs("holdout"), "holdout defaults to false");
  }

  @Test
  void customerRowsAreHashedAndTheirQuarantineMasksPii() throws IOException {
    String csv = "customer_id,email,signup_date,segment,country,gender,birth_date\n"
        + "c1, Ann@Example.COM ,2024-05-01,gold,FR,F,1990-03-04\n"
        + "c2,bob@example.com,soon,silver,FR,M,1960-01-01\n";
    Dataset<Row> rows = checked("customers", "customers.csv", InputFormat.CSV, csv);
    Row c1 = ingest.silver("customers", rows).first();
    assertEquals("25-34", c1.getAs("age_band"));
    assertEquals(new Pseudonymiser(KEY).hash(org.apache.spark.sql.functions.lit("ann@example.com")).toString().length() > 0, true);
    assertEquals(spark.range(1).select(new Pseudonymiser(KEY).hash(org.apache.spark.sql.functions.lit("ann@example.com")))
        .first().getString(0), c1.getAs("email_hash"), "e-mails are trimmed and lower-cased before hashing");
    Row bad = ingest.quarantine("customers", rows, Instant.EPOCH).first();
    assertEquals("bad_date_signup_date", bad.getAs("reason"));
    assertEquals("c2,<email>,soon,silver,FR,M,<date>", bad.getAs("raw"));
  }

  @Test
  void missingRequiredColumnInTheHeaderIsABadInputNamingFileAndColumn() throws IOException {
    Path f = dir.resolve("events.csv");
    Files.writeString(f, "event_id,customer_id,event_type\ne1,c1,email_open\n");
    BadInputException e = assertThrows(BadInputException.class, () -> new RawReader(spark)
        .read("events", new InputSpec(f.toString(), InputFormat.CSV, Map.of()), Schemas.input("events")));
    assertTrue(e.getMessage().contains("events.csv") && e.getMessage().contains("event_time"), e.getMessage());
  }

  @Test
  void parquetInputIsReadWithItsTypes() throws IOException {
    String path = dir.resolve("campaigns.parquet").toString();
    spark.sql("select 'k1' campaign_id, 'RE: offre' subject, timestamp'2025-01-07 10:00:00' sent_at, true label_deceptive, 'x' extra")
        .write().parquet(path);
    Dataset<Row> raw = new RawReader(spark).read("campaigns", new InputSpec(path, InputFormat.PARQUET, Map.of()),
        Schemas.input("campaigns"));
    Dataset<Row> silver = ingest.silver("campaigns", ingest.check("campaigns", raw));
    Row r = silver.first();
    assertEquals("RE: offre", r.getAs("subject"));
    assertEquals(true, r.getAs("label_deceptive"));
    assertEquals(Map.of("extra", "x"), scala.collection.JavaConverters.mapAsJavaMap(r.getAs("extras")));
  }

  @Test
  void qualityGateFailsAboveTheThresholdNamingInputAndReasons() {
    SourceCounts c = new SourceCounts("events", 100, 6, 0, Map.of("bad_timestamp_event_time", 6L));
    BadInputException e = assertThrows(BadInputException.class, () -> c.requireQuality("data/events.jsonl", 0.05));
    assertTrue(e.getMessage().startsWith("events (data/events.jsonl): 6 of 100 rows (6.0%) are bad"), e.getMessage());
    assertTrue(e.getMessage().contains("bad_timestamp_event_time 6"));
    new SourceCounts("events", 100, 5, 0, Map.of()).requireQuality("x", 0.05);
  }
}
