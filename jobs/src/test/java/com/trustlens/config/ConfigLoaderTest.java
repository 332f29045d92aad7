package com.trustlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static final String MINIMAL = """
      inputs:
        campaigns: {path: data/campaigns.jsonl, format: json}
        exposures: {path: /abs/exposures.csv, format: csv}
        events: {path: "s3a://bucket/events", format: parquet}
      analysis:
        start: 2025-01-06
        end: 2025-03-30
      """;

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("conf.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private ConfigException error(String yaml) throws IOException {
    Path f = write(yaml);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
  }

  @Test
  void defaultsFillEveryKeyNotGiven() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write(MINIMAL)).config();
    Analysis a = c.analysis();
    assertEquals(PeriodUnit.WEEK, a.period());
    assertEquals("Europe/Paris", a.timezone());
    assertEquals(LocalDate.of(2025, 1, 6), a.start());
    assertEquals(ControlGroup.NOT_YET_TREATED, a.controlGroup());
    assertEquals(List.of(), a.strata());
    assertEquals(6, a.prePeriods());
    assertEquals(12, a.horizon());
    assertEquals(List.of("opened", "clicked", "purchased", "revenue", "unsubscribed", "complained", "active", "trust_index"),
        a.metrics());
    assertEquals(20, a.minCellSize());
    assertEquals(90, a.survivalHorizonDays());
    assertEquals(999, a.bootstrap().replicates());
    assertEquals(7, a.bootstrap().seed());
    assertEquals(256, a.buckets());
    assertTrue(a.attritionWeights());
    assertEquals(0.4, a.trustIndex().get("active"));
    assertEquals(0.5, c.deception().threshold());
    assertNull(c.deception().rules());
    assertEquals(0.05, c.quality().maxBadFraction());
    assertEquals("8", c.spark().conf().get("spark.sql.shuffle.partitions"));
    assertNull(c.inputs().customers());
  }

  @Test
  void relativePathsResolveAgainstTheConfigFolder() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write(MINIMAL)).config();
    assertEquals(dir.resolve("data/campaigns.jsonl").toString(), c.inputs().campaigns().path());
    assertEquals("/abs/exposures.csv", c.inputs().exposures().path());
    assertEquals("s3a://bucket/events", c.inputs().events().path());
    assertEquals(dir.resolve("lake").toString(), c.output().path());
    assertEquals(InputFormat.PARQUET, c.inputs().events().format());
  }

  @Test
  void unknownKeyIsRejectedWithItsPath() throws IOException {
    ConfigException e = error(MINIMAL + "  colour: blue\n");
    assertEquals("analysis.colour", e.key());
    assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    assertTrue(e.getMessage().contains("control_group"), "lists the known keys: " + e.getMessage());
  }

  @Test
  void unknownTopLevelKeyIsRejected() throws IOException {
    assertEquals("extra", error(MINIMAL + "extra: 1\n").key());
  }

  @Test
  void invalidEnumValueNamesKeyAndChoices() throws IOException {
    ConfigException e = error(MINIMAL + "  period: fortnight\n");
    assertEquals("analysis.period", e.key());
    assertTrue(e.getMessage().contains("day, week, month"), e.getMessage());
  }

  @Test
  void invalidFormatOfAnInputNamesIt() throws IOException {
    ConfigException e = error(MINIMAL.replace("format: parquet", "format: xml"));
    assertEquals("inputs.events.format", e.key());
  }

  @Test
  void startMustBeTheFirstDayOfAPeriod() throws IOException {
    ConfigException e = error(MINIMAL.replace("2025-01-06", "2025-01-07"));
    assertEquals("analysis.start", e.key());
    assertTrue(e.getMessage().contains("use 2025-01-06"), e.getMessage());
  }

  @Test
  void endMustCloseAPeriod() throws IOException {
    assertEquals("analysis.end", error(MINIMAL.replace("2025-03-30", "2025-03-31")).key());
  }

  @Test
  void requiredInputMissingIsNamed() throws IOException {
    assertEquals("inputs.exposures", error(MINIMAL.replace("  exposures: {path: /abs/exposures.csv, format: csv}\n", "")).key());
  }

  @Test
  void requiredWindowMissingIsNamed() throws IOException {
    assertEquals("analysis.start", error(MINIMAL.replace("  start: 2025-01-06\n", "")).key());
  }

  @Test
  void unknownMetricIsNamed() throws IOException {
    ConfigException e = error(MINIMAL + "  metrics: [opened, happiness]\n");
    assertEquals("analysis.metrics", e.key());
    assertTrue(e.getMessage().contains("happiness"));
  }

  @Test
  void unknownStratumIsNamed() throws IOException {
    assertEquals("analysis.strata", error(MINIMAL + "  strata: [email]\n").key());
  }

  @Test
  void badTimezoneIsNamed() throws IOException {
    assertEquals("analysis.timezone", error(MINIMAL + "  timezone: Mars/Olympus\n").key());
  }

  @Test
  void confidenceOutOfRangeIsNamed() throws IOException {
    assertEquals("analysis.confidence", error(MINIMAL + "  confidence: 1.5\n").key());
  }

  @Test
  void wrongTypeIsNamed() throws IOException {
    ConfigException e = error(MINIMAL + "  horizon: soon\n");
    assertEquals("analysis.horizon", e.key());
  }

  @Test
  void trustIndexWeightsReplaceTheDefaultsAndAreChecked() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write(MINIMAL + "  trust_index: {opened: 1.0}\n")).config();
    assertEquals(java.util.Map.of("opened", 1.0), c.analysis().trustIndex());
    assertEquals("analysis.trust_index.nps", error(MINIMAL + "  trust_index: {nps: 1.0}\n").key());
  }

  @Test
  void npsIsRejectedAsAnEstimatedMetricWithTheReason() throws IOException {
    ConfigException e = error(MINIMAL + "  metrics: [opened, nps]\n");
    assertEquals("analysis.metrics", e.key());
    assertTrue(e.getMessage().contains("'nps' cannot be estimated"), e.getMessage());
  }

  @Test
  void bucketsOutOfRangeAreNamed() throws IOException {
    assertEquals("analysis.buckets", error(MINIMAL + "  buckets: 1\n").key());
    assertEquals("analysis.buckets", error(MINIMAL + "  buckets: 100000\n").key());
    assertEquals(64, ConfigLoader.load(write(MINIMAL + "  buckets: 64\n")).config().analysis().buckets());
  }

  @Test
  void survivalHorizonIsReadAndMustBePositive() throws IOException {
    assertEquals(30, ConfigLoader.load(write(MINIMAL + "  survival_horizon_days: 30\n")).config().analysis().survivalHorizonDays());
    ConfigException e = error(MINIMAL + "  survival_horizon_days: 0\n");
    assertEquals("analysis.survival_horizon_days", e.key());
    assertTrue(e.getMessage().contains("below the minimum 1"), e.getMessage());
  }

  @Test
  void missingRulesFileIsNamed() throws IOException {
    assertEquals("deception.rules", error(MINIMAL + "deception: {rules: nowhere.yaml}\n").key());
  }

  @Test
  void demoConfigurationIsValid() {
    ConfigLoader.Loaded l = ConfigLoader.load(Path.of("conf/demo.yaml"));
    assertEquals(List.of("segment"), l.config().analysis().strata());
    assertEquals(64, l.hash().length());
  }

  @Test
  void sameContentGivesSameHash() throws IOException {
    String h1 = ConfigLoader.load(write(MINIMAL)).hash();
    String h2 = ConfigLoader.load(write(MINIMAL + "\n# comment\n")).hash();
    assertEquals(h1, h2);
  }
}
