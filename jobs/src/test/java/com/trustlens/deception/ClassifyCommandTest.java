package com.trustlens.deception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustlens.cli.Main;
import com.trustlens.pipeline.Lake;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `trustlens classify`: on a campaigns file in the three output formats, and as the pipeline step. */
@ExtendWith(SharedSpark.class)
class ClassifyCommandTest {
  @TempDir Path dir;
  private String campaigns;
  private String shufflePartitions;

  static final String CSV = """
      campaign_id,kind,subject,sender_name,sender_address,language,label_deceptive
      c2,promotional,"Soldes d'hiver : jusqu'à -50%",Boutique du Nord,offres@boutiquedunord.fr,fr,
      c1,promotional,"Pour nous faire pardonner : prolongation de l'offre",Service Client Sarenza,news@sarenza.com,,
      c3,transactional,"Votre commande n°10293 a été expédiée",Service Client Sarenza,commandes@sarenza.com,fr,true
      """;

  @BeforeEach
  void setUp(SparkSession spark) throws IOException {
    campaigns = Files.writeString(dir.resolve("campaigns.csv"), CSV).toString();
    shufflePartitions = spark.conf().get("spark.sql.shuffle.partitions");
  }

  // The command reuses the suite's session and sets its own runtime settings: put them back.
  @AfterEach
  void restore(SparkSession spark) {
    spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions);
  }

  /** Runs the command line, checks its exit code and returns what it printed on System.out. */
  private static String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(expectedExit, Main.execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvFormatPrintsAHeaderAndOneSortedRowPerCampaign(SparkSession spark) {
    String out = run(0, "classify", "--campaigns", campaigns, "--format", "csv");
    assertEquals(List.of("campaign_id,deception_score,deceptive,rules",
        "c1,0.84,true,\"[fake_apology.apology_with_offer_fr, false_alias.service_desk]\"",
        "c2,0.0,false,[]",
        "c3,0.0,true,[]"), out.lines().toList());
  }

  @Test
  void jsonFormatPrintsOneObjectPerLine(SparkSession spark) throws IOException {
    List<String> lines = run(0, "classify", "--campaigns", campaigns, "--format", "json").lines().toList();
    assertEquals(3, lines.size());
    JsonNode c1 = new ObjectMapper().readTree(lines.get(0));
    assertEquals("c1", c1.get("campaign_id").asText());
    assertEquals(0.84, c1.get("deception_score").asDouble());
    assertTrue(c1.get("deceptive").asBoolean());
    assertEquals("false_alias.service_desk", c1.get("rules").get(1).asText());
    assertEquals(0, new ObjectMapper().readTree(lines.get(1)).get("rules").size());
  }

  @Test
  void tableFormatIsAlignedAndTheDefault(SparkSession spark) {
    List<String> lines = run(0, "classify", "--campaigns", campaigns).lines().toList();
    assertEquals(6, lines.size(), "header, rule, three campaigns, row count");
    assertTrue(lines.get(0).startsWith("campaign_id | deception_score | deceptive | rules"), lines.get(0));
    int column = lines.get(0).indexOf("deceptive ");
    assertEquals("true", lines.get(2).substring(column, column + 4));
    assertTrue(lines.get(2).endsWith("[fake_apology.apology_with_offer_fr, false_alias.service_desk]"), lines.get(2));
    assertEquals("(3 rows)", lines.get(5));
  }

  @Test
  void rulesThresholdAndInputFormatOptions(SparkSession spark) throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.yaml"),
        "families:\n  soldes:\n    rules:\n      - {name: sale, pattern: 'soldes', weight: 0.4}\n");
    String out = run(0, "classify", "--campaigns", campaigns, "--format", "csv", "--rules", rules.toString(),
        "--threshold", "0.4");
    assertTrue(out.contains("c2,0.4,true,[soldes.sale]"), out);
    Path jsonl = Files.writeString(dir.resolve("campaigns.txt"),
        "{\"campaign_id\": \"j1\", \"kind\": \"promotional\", \"subject\": \"You have won!\"}\n");
    assertTrue(run(0, "classify", "--campaigns", jsonl.toString(), "--input-format", "json", "--format", "csv")
        .contains("j1,0.65,true,[prize_bait.you_won_en]"));
  }

  @Test
  void usageAndInputErrorsMapToExitCodes(SparkSession spark) throws IOException {
    run(3, "classify", "--campaigns", dir.resolve("missing.csv").toString());
    run(2, "classify", "--campaigns", campaigns, "--threshold", "2");
    run(2, "classify", "--campaigns", Files.writeString(dir.resolve("c.txt"), CSV).toString());
    run(2, "classify", "--campaigns", campaigns, "--rules", Files.writeString(dir.resolve("bad.yaml"), "nope: 1").toString());
    run(2, "classify", "--campaigns", campaigns, "--format", "xml");
    run(2, "classify");
  }

  @Test
  void syntheticCampaignsFileIsClassifiedInFull(SparkSession spark) throws IOException {
    Path file = dir.resolve("synthetic.csv");
    SyntheticCampaigns.write(file, 40, 1L);
    assertEquals(41, run(0, "classify", "--campaigns", file.toString(), "--format", "csv").lines().count());
  }

  @Test
  void withConfTheStepReadsSilverCampaignsAndWritesCampaignDeception(SparkSession spark) throws IOException {
    Path conf = Files.writeString(dir.resolve("run.yaml"), """
        inputs:
          campaigns: {path: data/campaigns.jsonl, format: json}
          exposures: {path: data/exposures.csv, format: csv}
          events: {path: data/events.jsonl, format: json}
        output: {path: lake}
        analysis: {start: 2025-01-06, end: 2025-03-30}
        spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: "2"}}
        """);
    Lake lake = new Lake(dir.resolve("lake").toString());
    // Without silver campaigns the step was run out of order: a plain failure naming the table.
    run(1, "classify", "--conf", conf.toString());
    DeltaTables tables = new DeltaTables(spark, "test-run");
    tables.replace(Schemas.silver("campaigns"), lake.silver("campaigns"), Campaigns.silver(spark,
        Campaigns.promo("d", "RE: votre demande", "Brand"), Campaigns.promo("h", "Soldes d'hiver", "Brand")));
    assertTrue(run(0, "classify", "--conf", conf.toString()).contains("campaign_deception written"));
    List<Row> written = tables.read(lake.gold("campaign_deception")).orderBy("campaign_id").collectAsList();
    assertEquals(List.of("d", "h"), written.stream().map(r -> r.<String>getAs("campaign_id")).toList());
    assertEquals(List.of(true, false), written.stream().map(r -> r.<Boolean>getAs("deceptive")).toList());
  }
}
