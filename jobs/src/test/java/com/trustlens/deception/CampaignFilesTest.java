package com.trustlens.deception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ConfigException;
import com.trustlens.ingest.BadInputException;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns files read for classify on its own: formats, silver types, extras, bad files. */
@ExtendWith(SharedSpark.class)
class CampaignFilesTest {
  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f.toString();
  }

  @Test
  void formatFollowsTheExtension() {
    assertEquals(CampaignFiles.Format.CSV, CampaignFiles.formatOf("a/b.CSV"));
    assertEquals(CampaignFiles.Format.JSON, CampaignFiles.formatOf("b.jsonl"));
    assertEquals(CampaignFiles.Format.JSON, CampaignFiles.formatOf("b.json"));
    assertEquals("--input-format", assertThrows(ConfigException.class, () -> CampaignFiles.formatOf("b.txt")).key());
  }

  @Test
  void jsonLinesAreCastToSilverTypesWithExtrasKept(SparkSession spark) throws IOException {
    String f = write("c.jsonl", """
        {"campaign_id": "c1", "subject": "Hello", "label_deceptive": true, "sent_at": "2025-03-01T10:00:00+01:00", "segment": "gold"}
        {"campaign_id": "c2", "kind": "promotional", "sent_at": "2025-07-01T10:00:00", "holdout_share": 0.1}
        """);
    List<Row> rows = CampaignFiles.read(spark, f, CampaignFiles.Format.JSON, "Europe/Paris").orderBy("campaign_id").collectAsList();
    assertEquals(Schemas.silver("campaigns").columnNames(), List.of(rows.get(0).schema().fieldNames()));
    Row c1 = rows.get(0);
    assertEquals(Boolean.TRUE, c1.getAs("label_deceptive"));
    assertEquals(Timestamp.from(Instant.parse("2025-03-01T09:00:00Z")), c1.getAs("sent_at"));
    assertEquals(Map.of("segment", "gold"), c1.getJavaMap(c1.fieldIndex("extras")));
    Row c2 = rows.get(1);
    assertEquals(Timestamp.from(Instant.parse("2025-07-01T08:00:00Z")), c2.getAs("sent_at"), "no offset: read in Paris time");
    assertEquals(0.1, (double) c2.getAs("holdout_share"));
    assertNull(c2.getAs("language"));
  }

  @Test
  void csvEmptyCellsAreNull(SparkSession spark) throws IOException {
    String f = write("c.csv", "campaign_id,subject,language,label_deceptive\nc1,\"Hello, you\",,\n");
    Row r = CampaignFiles.read(spark, f, CampaignFiles.Format.CSV, "UTC").first();
    assertEquals("Hello, you", r.getAs("subject"));
    assertNull(r.getAs("language"));
    assertNull(r.getAs("label_deceptive"));
    assertEquals(Map.of(), r.getJavaMap(r.fieldIndex("extras")));
  }

  @Test
  void unusableFilesAreBadInputNamingTheFile(SparkSession spark) throws IOException {
    String corrupt = write("bad.jsonl", "{\"campaign_id\": \"c1\"}\nnot json\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> CampaignFiles.read(spark, corrupt, CampaignFiles.Format.JSON, "UTC"));
    assertTrue(e.getMessage().contains("bad.jsonl") && e.getMessage().contains("1 line(s)"), e.getMessage());
    String noId = write("noid.csv", "subject\nHello\n");
    assertTrue(assertThrows(BadInputException.class, () -> CampaignFiles.read(spark, noId, CampaignFiles.Format.CSV, "UTC"))
        .getMessage().contains("no campaign_id column"));
    String missing = dir.resolve("missing.csv").toString();
    assertTrue(assertThrows(BadInputException.class, () -> CampaignFiles.read(spark, missing, CampaignFiles.Format.CSV, "UTC"))
        .getMessage().contains("missing.csv"));
  }
}
