package com.trustlens.cli;

import static org.apache.spark.sql.functions.col;

import com.trustlens.config.ConfigException;
import com.trustlens.config.ConfigLoader;
import com.trustlens.config.InputFormat;
import com.trustlens.config.InputSpec;
import com.trustlens.config.SparkSettings;
import com.trustlens.deception.CampaignClassifier;
import com.trustlens.deception.CampaignDeception;
import com.trustlens.deception.DeceptionRules;
import com.trustlens.ingest.SingleInput;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.SparkSessions;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
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
        description = "Campaigns file with the SPEC §2 columns: csv with a header, or JSON lines; a local path or a "
            + "Hadoop URI (s3a://, abfss://, hdfs://).")
    String campaigns; // a String: java.nio would fold s3a://b/x into s3a:/b/x

    @Option(names = "--conf", required = true, paramLabel = "FILE",
        description = "Configuration file: run the classify step of the pipeline on the lake.")
    Path conf;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "Output of --campaigns: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "csv or json (JSON lines); default: from the extension (.csv, .json, .jsonl).")
  String inputFormat;

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file for --campaigns (default: the built-in rules).")
  String rules;

  @Option(names = "--threshold", paramLabel = "X", description = "Deceptive when score >= X, for --campaigns (default: 0.5).")
  Double threshold;

  @Option(names = "--timezone", defaultValue = "Europe/Paris", paramLabel = "ZONE",
      description = "Zone of --campaigns timestamps without an offset (default: ${DEFAULT-VALUE}).")
  String timezone;

  @Option(names = "--quiet", description = "With --conf: print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    if (source.conf != null) {
      if (rules != null || threshold != null) {
        throw new ConfigException("--rules/--threshold", "apply to --campaigns; in a run, set deception.rules and "
            + "deception.threshold in " + source.conf);
      }
      return PipelineRunner.run("classify", source.conf, quiet, Pipeline::classify, (p, s) ->
          System.out.println("campaign_deception written to " + p.lake().gold("campaign_deception")));
    }
    return classifyFile();
  }

  private Integer classifyFile() {
    TableFormatter.Format out = ShowCommand.parseFormat(format);
    ZoneId zone;
    try {
      zone = ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new ConfigException("--timezone", "'" + timezone + "' is not a time zone id (e.g. Europe/Paris, UTC)");
    }
    double defaultThreshold = ConfigLoader.defaults().path("deception").path("threshold").asDouble();
    CampaignClassifier classifier = new CampaignClassifier(
        DeceptionRules.load(rules), threshold == null ? defaultThreshold : threshold);
    String file = source.campaigns;
    InputFormat in = inputFormat == null ? formatOf(file) : parseInputFormat(inputFormat);
    SparkSession spark = SparkSessions.create(new SparkSettings("local[*]", LOCAL_SPARK), "trustlens-classify");
    SingleInput.Read read = SingleInput.read(spark, "campaigns", new InputSpec(file, in, Map.of()), zone);
    if (read.counts().quarantined() > 0) {
      System.err.printf(Locale.ROOT, "trustlens: %d of %d rows of %s could not be read and are not scored: %s%n",
          read.counts().quarantined(), read.counts().rows(), file, read.counts().reasons());
    }
    Dataset<Row> scored = classifier.apply(read.silver())
        .select(col(CampaignDeception.CAMPAIGN_ID), col(CampaignDeception.DECEPTION_SCORE),
            col(CampaignDeception.DECEPTIVE), col(CampaignDeception.RULES))
        // Rows are printed one by one anyway: one sorted partition avoids orderBy's sampling job.
        .repartition(1).sortWithinPartitions(CampaignDeception.CAMPAIGN_ID);
    TableFormatter.print(scored.schema(), scored.toLocalIterator(), out, System.out);
    return ExitCodes.OK;
  }

  /** The format an extension implies: .csv, or .json / .jsonl / .ndjson (JSON lines). */
  static InputFormat formatOf(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) return InputFormat.CSV;
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) return InputFormat.JSON;
    throw new ConfigException("--input-format", "cannot tell the format of " + file
        + " from its extension (.csv, .json, .jsonl); give --input-format csv or json");
  }

  private static InputFormat parseInputFormat(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "csv" -> InputFormat.CSV;
      case "json", "jsonl" -> InputFormat.JSON;
      default -> throw new ConfigException("--input-format", "'" + value + "' is not csv or json");
    };
  }
}
