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
  void hadoopUrisPassThroughUntouched() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write("""
        inputs:
          customers: {path: "abfss://crm@account.dfs.core.windows.net/raw/customers.csv", format: csv}
          campaigns: {path: "hdfs://namenode:8020/crm/campaigns.jsonl", format: json}
          exposures: {path: "file:///data/crm/exposures.csv", format: csv}
          events: {path: "s3a://bucket/raw events/{2025,2026}/*.jsonl", format: json}
        output: {path: "s3a://bucket/lake"}
        deception: {rules: "s3a://bucket/conf/rules.yaml"}
        analysis:
          start: 2025-01-06
          end: 2025-03-30
        """)).config();
    assertEquals("abfss://crm@account.dfs.core.windows.net/raw/customers.csv", c.inputs().customers().path());
    assertEquals("hdfs://namenode:8020/crm/campaigns.jsonl", c.inputs().campaigns().path());
    assertEquals("file:///data/crm/exposures.csv", c.inputs().exposures().path());
    // Not a valid java.net.URI (space, braces), still a Hadoop path with a glob.
    assertEquals("s3a://bucket/raw events/{2025,2026}/*.jsonl", c.inputs().events().path());
    assertEquals("s3a://bucket/lake", c.output().path());
    assertEquals("s3a://bucket/conf/rules.yaml", c.deception().rules());
  }

  @Test
  void onlyRelativeLocalPathsAreResolved() {
    Path base = Path.of("/conf/dir");
    assertEquals("/conf/dir/data/x.csv", ConfigLoader.resolve(base, "data/x.csv"));
    assertEquals("/conf/lake", ConfigLoader.resolve(base, "../lake"));
    assertEquals("/abs/x.csv", ConfigLoader.resolve(base, "/abs/x.csv"));
    assertEquals("file:/abs/x.csv", ConfigLoader.resolve(base, "file:/abs/x.csv"));
    assertEquals("gs://bucket/x", ConfigLoader.resolve(base, "gs://bucket/x"));
    assertTrue(ConfigLoader.hasScheme("s3a://b/x"));
    assertTrue(!ConfigLoader.hasScheme("data/x.csv") && !ConfigLoader.hasScheme("C:\\data\\x.csv"));
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
  void treatmentsDefaultToDeceptiveMailAlone() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write(MINIMAL)).config();
    assertEquals(List.of(), c.treatments());
    assertEquals(List.of(TreatmentSpec.deceptiveMail()), c.activeTreatments());
    assertEquals(7, c.audit().attributionDays());
    assertEquals(0, c.audit().baselinePeriods());
  }

  @Test
  void treatmentsAddToDeceptiveMailAndTakeTheirKindsDefaultDelays() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write(MINIMAL + """
          unanswered_after_hours: 72
        treatments:
          - {name: late_send, kind: late_send, campaign_kind: promotional, subject_pattern: "(?i)birthday"}
          - {name: unanswered_contact, kind: unanswered_contact}
          - {name: very_late, kind: late_send, after_hours: 96}
        """)).config();
    assertEquals(List.of("deceptive_mail", "late_send", "unanswered_contact", "very_late"),
        c.activeTreatments().stream().map(TreatmentSpec::name).toList());
    TreatmentSpec late = c.activeTreatments().get(1);
    assertEquals(TreatmentKind.LATE_SEND, late.kind());
    assertEquals(24, late.afterHours());
    assertEquals("promotional", late.campaignKind());
    assertEquals("(?i)birthday", late.subjectPattern());
    assertEquals(72, c.activeTreatments().get(2).afterHours(), "unanswered_contact follows the panel's delay");
    assertEquals(96, c.activeTreatments().get(3).afterHours());
  }

  @Test
  void deceptiveMailCanBeDisabled() throws IOException {
    TrustLensConfig c = ConfigLoader.load(write(MINIMAL + """
        treatments:
          - {name: deceptive_mail, kind: deceptive_mail, enabled: false}
          - {name: late_send, kind: late_send}
        """)).config();
    assertEquals(List.of("late_send"), c.activeTreatments().stream().map(TreatmentSpec::name).toList());
  }

  @Test
  void treatmentErrorsNameTheEntryAndKey() throws IOException {
    String late = MINIMAL + "treatments:\n  - {name: late_send, kind: late_send}\n";
    assertEquals("treatments[1].after_hours", error(late + "  - {name: x, kind: unanswered_contact, after_hours: 0}\n").key());
    assertEquals("treatments[0].after_hours", error(MINIMAL + "treatments: [{name: l, kind: late_send, after_hours: -1}]\n").key());
    assertEquals("treatments[1].name", error(late + "  - {name: late_send, kind: unanswered_contact}\n").key());
    assertEquals("treatments[0].name", error(MINIMAL + "treatments: [{name: Late Send, kind: late_send}]\n").key());
    assertEquals("treatments[0].name", error(MINIMAL + "treatments: [{kind: late_send}]\n").key());
    assertEquals("treatments[0].kind", error(MINIMAL + "treatments: [{name: l}]\n").key());
    assertEquals("treatments[0].subject_pattern",
        error(MINIMAL + "treatments: [{name: l, kind: late_send, subject_pattern: \"(unclosed\"}]\n").key());
    assertEquals("treatments[0].campaign_kind",
        error(MINIMAL + "treatments: [{name: u, kind: unanswered_contact, campaign_kind: service}]\n").key());
    assertEquals("treatments[0].name", error(MINIMAL + "treatments: [{name: lies, kind: deceptive_mail}]\n").key());
    assertEquals("treatments[0].after_hours",
        error(MINIMAL + "treatments: [{name: deceptive_mail, kind: deceptive_mail, after_hours: 3}]\n").key());
    ConfigException kind = error(MINIMAL + "treatments: [{name: l, kind: lost_parcel}]\n");
    assertEquals("treatments[0].kind", kind.key());
    assertTrue(kind.getMessage().contains("late_send"), kind.getMessage());
    assertEquals("treatments[0].colour", error(MINIMAL + "treatments: [{name: l, kind: late_send, colour: red}]\n").key());
  }

  @Test
  void auditSettingsAreChecked() throws IOException {
    assertEquals("audit.attribution_days", error(MINIMAL + "audit: {attribution_days: 0}\n").key());
    assertEquals("audit.baseline_periods", error(MINIMAL + "audit: {baseline_periods: -1}\n").key());
    assertEquals(2, ConfigLoader.load(write(MINIMAL + "audit: {baseline_periods: 2}\n")).config().audit().baselinePeriods());
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
