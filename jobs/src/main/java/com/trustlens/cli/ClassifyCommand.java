package com.trustlens.cli;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.trustlens.config.ConfigException;
import com.trustlens.config.ConfigLoader;
import com.trustlens.config.Deception;
import com.trustlens.config.SparkSettings;
import com.trustlens.config.TrustLensConfig;
import com.trustlens.deception.CampaignClassifier;
import com.trustlens.deception.CampaignDeception;
import com.trustlens.deception.CampaignFiles;
import com.trustlens.deception.DeceptionRules;
import com.trustlens.ingest.BadInputException;
import com.trustlens.pipeline.Lake;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** trustlens classify: scores campaigns for deception, from a file (printing only) or as a pipeline step. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {"Score campaigns for deception with the rules of conf/deception-rules.yaml.",
        "With --campaigns FILE: read a csv or JSON-lines campaigns file, print one row per campaign, write nothing.",
        "With --conf FILE: the pipeline step, silver campaigns of the lake -> campaign_deception table."})
final class ClassifyCommand implements Callable<Integer> {
  /** Output formats of --campaigns mode. */
  enum OutputFormat { table, csv, json }

  /** Settings of the local session of --campaigns mode: small, quiet, loopback only. */
  static final Map<String, String> LOCAL_SPARK = Map.of(
      "spark.ui.enabled", "false",
      "spark.sql.shuffle.partitions", "4",
      "spark.driver.host", "127.0.0.1",
      "spark.driver.bindAddress", "127.0.0.1",
      // The rules make a wide plan; the default limit only truncates it in a logged warning.
      "spark.sql.debug.maxToStringFields", "1000");

  static final class Source {
    @Option(names = "--campaigns", required = true, paramLabel = "FILE",
        description = "Campaigns file with the SPEC §2 columns: csv with a header, or JSON lines.")
    Path campaigns;

    @Option(names = "--conf", required = true, paramLabel = "FILE",
        description = "Configuration file: run the classify step of the pipeline on the lake.")
    Path conf;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "Output of --campaigns: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "csv or json (JSON lines); default: from the extension (.csv, .json, .jsonl).")
  String inputFormat;

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: the built-in rules).")
  Path rules;

  @Option(names = "--threshold", paramLabel = "X", description = "Deceptive when score >= X (default: 0.5).")
  Double threshold;

  @Option(names = "--timezone", defaultValue = "Europe/Paris", paramLabel = "ZONE",
      description = "Zone of --campaigns timestamps without an offset (default: ${DEFAULT-VALUE}).")
  String timezone;

  @Override
  public Integer call() {
    try {
      java.time.ZoneId.of(timezone);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException("--timezone", "'" + timezone + "' is not a time zone id (e.g. Europe/Paris, UTC)");
    }
    return source.campaigns != null ? classifyFile() : classifyStep();
  }

  private Integer classifyFile() {
    double defaultThreshold = ConfigLoader.defaults().path("deception").path("threshold").asDouble();
    CampaignClassifier classifier = new CampaignClassifier(
        DeceptionRules.load(rules == null ? null : rules.toString()), threshold == null ? defaultThreshold : threshold);
    String file = source.campaigns.toString();
    CampaignFiles.Format in = inputFormat == null ? CampaignFiles.formatOf(file) : parseInputFormat(inputFormat);
    SparkSession spark = SparkSessions.create(new SparkSettings("local[*]", LOCAL_SPARK), "trustlens-classify");
    Dataset<Row> scored = classifier.apply(CampaignFiles.read(spark, file, in, timezone))
        .select(col(CampaignDeception.CAMPAIGN_ID), col(CampaignDeception.DECEPTION_SCORE),
            col(CampaignDeception.DECEPTIVE), col(CampaignDeception.RULES))
        // Rows are printed one by one anyway: one sorted partition avoids orderBy's sampling job.
        .repartition(1).sortWithinPartitions(CampaignDeception.CAMPAIGN_ID);
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    switch (format) {
      case table -> printTable(scored.collectAsList(), out);
      case csv -> printCsv(scored.toLocalIterator(), out);
      case json -> printJson(scored.toLocalIterator(), out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The pipeline step: reads silver campaigns, writes campaign_deception in one Delta commit. */
  private Integer classifyStep() {
    TrustLensConfig config = ConfigLoader.load(source.conf).config();
    Deception deception = new Deception(rules == null ? config.deception().rules() : rules.toString(),
        threshold == null ? config.deception().threshold() : threshold);
    CampaignClassifier classifier = CampaignClassifier.from(deception);
    SparkSession spark = SparkSessions.create(config.spark(), "trustlens-classify");
    Lake lake = new Lake(config.output().path());
    DeltaTables tables = new DeltaTables(spark, UUID.randomUUID().toString());
    String silver = lake.silver("campaigns");
    if (!tables.exists(silver)) {
      throw new BadInputException("no silver campaigns table at " + silver + "; run `trustlens ingest --conf "
          + source.conf + "` first");
    }
    Dataset<Row> scored = classifier.apply(tables.read(silver));
    long version = tables.replace(Schemas.output(CampaignDeception.TABLE), lake.gold(CampaignDeception.TABLE), scored);
    System.out.println("campaign_deception written to " + lake.gold(CampaignDeception.TABLE) + " (version " + version + ")");
    return ExitCodes.OK;
  }

  private static CampaignFiles.Format parseInputFormat(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "csv" -> CampaignFiles.Format.CSV;
      case "json", "jsonl" -> CampaignFiles.Format.JSON;
      default -> throw new ConfigException("--input-format", "'" + value + "' is not csv or json");
    };
  }

  /** An aligned text table; the last column is not padded so that lines carry no trailing blanks. */
  private static void printTable(List<Row> rows, PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {CampaignDeception.CAMPAIGN_ID, CampaignDeception.DECEPTION_SCORE,
        CampaignDeception.DECEPTIVE, CampaignDeception.RULES});
    for (Row r : rows) {
      cells.add(new String[] {r.getString(0), String.valueOf(r.getDouble(1)), String.valueOf(r.getBoolean(2)),
          String.join(", ", r.<String>getList(3))});
    }
    int[] width = new int[4];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) width[i] = Math.max(width[i], line[i].length());
    }
    for (String[] line : cells) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < line.length - 1; i++) b.append(String.format("%-" + width[i] + "s  ", line[i]));
      out.println(b.append(line[line.length - 1]).toString().stripTrailing());
    }
  }

  private static void printCsv(Iterator<Row> rows, PrintWriter out) {
    out.println("campaign_id,deception_score,deceptive,rules");
    while (rows.hasNext()) {
      Row r = rows.next();
      out.println(csvField(r.getString(0)) + "," + r.getDouble(1) + "," + r.getBoolean(2) + ","
          + csvField(String.join(";", r.<String>getList(3))));
    }
  }

  private static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static void printJson(Iterator<Row> rows, PrintWriter out) {
    ObjectMapper json = new ObjectMapper();
    while (rows.hasNext()) {
      Row r = rows.next();
      ObjectNode node = json.createObjectNode();
      node.put(CampaignDeception.CAMPAIGN_ID, r.getString(0));
      node.put(CampaignDeception.DECEPTION_SCORE, r.getDouble(1));
      node.put(CampaignDeception.DECEPTIVE, r.getBoolean(2));
      List<String> names = r.getList(3);
      names.forEach(node.putArray(CampaignDeception.RULES)::add);
      out.println(node.toString());
    }
  }
}
