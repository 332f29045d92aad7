package com.trustlens.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What ingest made of one input: rows read, rows quarantined, exact duplicates dropped, reasons. */
public record SourceCounts(String source, long rows, long quarantined, long duplicates, Map<String, Long> reasons) {

  public SourceCounts {
    reasons = Map.copyOf(reasons);
  }

  /** Counts from checked rows and their quarantine rows (two small aggregations). */
  public static SourceCounts of(String source, Dataset<Row> checked, Dataset<Row> quarantine) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (Row r : checked.groupBy(Ingest.STATUS).count().collectAsList()) {
      byStatus.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    List<Row> rs = quarantine.groupBy("reason").count().orderBy(col("count").desc(), col("reason")).collectAsList();
    for (Row r : rs) reasons.put(r.getString(0), r.getLong(1));
    long rows = byStatus.values().stream().mapToLong(Long::longValue).sum();
    long bad = byStatus.getOrDefault(Ingest.INVALID, 0L) + byStatus.getOrDefault(Ingest.CONFLICT, 0L);
    return new SourceCounts(source, rows, bad, byStatus.getOrDefault(Ingest.DUPLICATE, 0L), reasons);
  }

  public double badFraction() {
    return rows == 0 ? 0 : (double) quarantined / rows;
  }

  /** Throws when the share of bad rows is above the limit, naming the input and the main reasons. */
  public void requireQuality(String path, double maxBadFraction) {
    if (badFraction() > maxBadFraction) {
      StringBuilder top = new StringBuilder();
      reasons.entrySet().stream().limit(5)
          .forEach(e -> top.append(top.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
      throw new BadInputException(String.format(java.util.Locale.ROOT,
          "%s (%s): %d of %d rows (%.1f%%) are bad, above quality.max_bad_fraction %s; reasons: %s;"
              + " the rows are in table quarantine",
          source, path, quarantined, rows, 100.0 * badFraction(), maxBadFraction, top));
    }
  }
}
