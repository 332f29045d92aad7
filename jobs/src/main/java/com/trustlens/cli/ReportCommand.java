package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import com.trustlens.pipeline.Lake;
import com.trustlens.pipeline.Progress;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.report.ReportPage;
import com.trustlens.report.ReportReader;
import com.trustlens.report.TrustReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** trustlens report: the offline HTML trust report of the lake's tables, written to DIR/index.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the HTML trust report (one self-contained page, works offline) from the tables of the last run.")
final class ReportCommand implements Callable<Integer> {
  static final String PAGE = "index.html";

  @Mixin ConfOption conf;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder to write " + PAGE + " into: a local folder or a Hadoop URI (s3a://, abfss://, hdfs://).")
  String out;

  @Option(names = "--treatment", paramLabel = "NAME", defaultValue = "deceptive_mail",
      description = "Treatment to report (default: ${DEFAULT-VALUE}).")
  String treatment;

  @Option(names = "--quiet", description = "Print nothing but errors (the path of the page still goes to stdout).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Progress.quiet(quiet);
    ConfigLoader.Loaded loaded = conf.load();
    boolean ownSession = !SparkSessions.running();
    SparkSession spark = SparkSessions.create(loaded.config().spark(), "trustlens-report");
    try {
      Lake lake = new Lake(loaded.config().output().path());
      TrustReport report = Progress.step("report: read tables", () -> new ReportReader(spark, lake, treatment).read(),
          r -> r.erosion().rows().size() + " curve points, " + r.survivalCurves().rows().size() + " survival points");
      System.out.println("Trust report: " + write(spark, out, ReportPage.render(report)));
      return ExitCodes.OK;
    } finally {
      if (ownSession) spark.stop();
    }
  }

  // A local folder through java.nio (the printed path is what a browser opens); a URI through Hadoop's
  // FileSystem with the session's settings (spark.hadoop.* credentials), e.g. beside a lake on object storage.
  static String write(SparkSession spark, String dir, String html) throws IOException {
    if (!ConfigLoader.hasScheme(dir)) {
      Path page = Files.createDirectories(Path.of(dir)).resolve(PAGE).toAbsolutePath().normalize();
      return Files.writeString(page, html, StandardCharsets.UTF_8).toString();
    }
    org.apache.hadoop.fs.Path page = new org.apache.hadoop.fs.Path(dir, PAGE);
    FileSystem fs = page.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (FSDataOutputStream stream = fs.create(page, true)) {
      stream.write(html.getBytes(StandardCharsets.UTF_8));
    }
    return fs.makeQualified(page).toString();
  }
}
