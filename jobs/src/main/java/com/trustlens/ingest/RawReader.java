package com.trustlens.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_csv;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;

import com.trustlens.config.InputSpec;
import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one raw input (csv, json lines, parquet, delta) into rows of its contract columns, as
 * text for text formats and as stored for typed ones, with the file, the raw row and a
 * malformed flag, so that nothing read is lost before validation.
 */
public final class RawReader {
  private static final String CORRUPT = "_corrupt_record";

  private final SparkSession spark;

  public RawReader(SparkSession spark) {
    this.spark = spark;
  }

  /** Reads the input of the given source; a missing path or required column is a {@link BadInputException}. */
  public Dataset<Row> read(String source, InputSpec spec, TableSchema contract) {
    return read(source, spec, contract, null);
  }

  /**
   * Reads only the given files of the input (all of it when {@code files} is null): the new files
   * of an incremental run; for a Delta input, the rows of the given data files.
   */
  public Dataset<Row> read(String source, InputSpec spec, TableSchema contract, java.util.List<String> files) {
    String[] paths = files == null ? new String[] {spec.path()} : files.toArray(String[]::new);
    try {
      return switch (spec.format()) {
        case CSV -> csv(source, spec, contract, paths);
        case JSON -> jsonLines(spec, contract, paths);
        case PARQUET, DELTA -> typed(source, spec, contract, files);
      };
    } catch (AnalysisException e) {
      throw new BadInputException(source + " (" + spec.path() + "): cannot be read as " + spec.format().key()
          + ": " + e.getSimpleMessage(), e);
    }
  }

  private Dataset<Row> csv(String source, InputSpec spec, TableSchema contract, String[] paths) throws AnalysisException {
    DataFrameReader header = spark.read().options(spec.options()).option("header", "true");
    List<String> names = Arrays.stream(header.csv(paths).schema().fieldNames())
        .map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
    requireColumns(source, spec, contract, names);
    StructType strings = new StructType(names.stream()
        .map(n -> DataTypes.createStructField(n, DataTypes.StringType, true)).toArray(StructField[]::new))
        .add(CORRUPT, DataTypes.StringType);
    Dataset<Row> rows = spark.read().options(spec.options()).option("header", "true")
        .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
        .schema(strings).csv(paths);
    Column[] fields = names.stream().map(rows::col).toArray(Column[]::new);
    Dataset<Row> withMeta = rows
        .withColumn(RawInput.MALFORMED, col(CORRUPT).isNotNull())
        .withColumn(RawInput.RAW, org.apache.spark.sql.functions.coalesce(col(CORRUPT),
            to_csv(struct(fields), Map.of("nullValue", ""))))
        .withColumn(RawInput.FILE, col("_metadata.file_path"));
    return contractAndExtras(withMeta, contract, names);
  }

  private Dataset<Row> jsonLines(InputSpec spec, TableSchema contract, String[] paths) {
    Dataset<Row> lines = spark.read().options(spec.options()).text(paths)
        .withColumn(RawInput.FILE, col("_metadata.file_path"))
        .filter(trim(col("value")).notEqual(""));
    Column parsed = from_json(col("value"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
        Map.of("mode", "PERMISSIVE"));
    Dataset<Row> m = lines.select(col(RawInput.FILE), col("value").as(RawInput.RAW), parsed.as("_m"));
    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : contract.columns()) {
      out.add(col("_m").getItem(c.name()).as(c.name()));
    }
    Set<String> known = contract.columns().stream().map(ColumnSpec::name).collect(Collectors.toSet());
    out.add(map_filter(col("_m"), (k, v) -> org.apache.spark.sql.functions.not(k.isin(known.toArray()))).as(RawInput.EXTRAS));
    out.add(col(RawInput.FILE));
    out.add(col(RawInput.RAW));
    out.add(col("_m").isNull().as(RawInput.MALFORMED));
    return m.select(out.toArray(Column[]::new));
  }

  private Dataset<Row> typed(String source, InputSpec spec, TableSchema contract, java.util.List<String> files)
      throws AnalysisException {
    Dataset<Row> rows = files == null || spec.format() == com.trustlens.config.InputFormat.DELTA
        ? spark.read().options(spec.options()).format(spec.format().key()).load(spec.path())
        : spark.read().options(spec.options()).format(spec.format().key()).load(files.toArray(String[]::new));
    if (files != null && spec.format() == com.trustlens.config.InputFormat.DELTA) {
      // A Delta input is read at its current version; an appended commit only adds data files.
      rows = rows.filter(col("_metadata.file_path").isin(files.toArray()));
    }
    Map<String, String> lower = new HashMap<>();
    for (String n : rows.columns()) lower.put(n.toLowerCase(Locale.ROOT), n);
    List<String> names = new ArrayList<>(lower.keySet());
    requireColumns(source, spec, contract, names);
    Column[] renamed = lower.entrySet().stream().map(e -> col("`" + e.getValue() + "`").as(e.getKey())).toArray(Column[]::new);
    Dataset<Row> normal = rows.select(renamed);
    Dataset<Row> withMeta = normal
        .withColumn(RawInput.RAW, to_json(struct(names.stream().map(normal::col).toArray(Column[]::new))))
        .withColumn(RawInput.FILE, col("_metadata.file_path"))
        .withColumn(RawInput.MALFORMED, lit(false));
    return contractAndExtras(withMeta, contract, names);
  }

  // Contract columns in contract order (null when the file lacks an optional one), the others
  // gathered as text into extras.
  private static Dataset<Row> contractAndExtras(Dataset<Row> rows, TableSchema contract, List<String> names) {
    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : contract.columns()) {
      out.add(names.contains(c.name()) ? rows.col(c.name()) : lit(null).cast(DataTypes.StringType).as(c.name()));
    }
    List<String> extra = names.stream().filter(n -> contract.column(n).isEmpty()).toList();
    Column extras = extra.isEmpty()
        ? map_from_arrays(array().cast("array<string>"), array().cast("array<string>"))
        : map_from_arrays(array(extra.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new)),
            array(extra.stream().map(n -> rows.col(n).cast(DataTypes.StringType)).toArray(Column[]::new)));
    out.add(map_filter(extras, (k, v) -> v.isNotNull()).as(RawInput.EXTRAS));
    out.add(rows.col(RawInput.FILE));
    out.add(rows.col(RawInput.RAW));
    out.add(rows.col(RawInput.MALFORMED));
    return rows.select(out.toArray(Column[]::new));
  }

  private static void requireColumns(String source, InputSpec spec, TableSchema contract, List<String> names) {
    List<String> missing = contract.columns().stream().filter(ColumnSpec::isRequired).map(ColumnSpec::name)
        .filter(n -> !names.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new BadInputException(source + " (" + spec.path() + "): required column(s) " + String.join(", ", missing)
          + " missing; found columns: " + String.join(", ", names));
    }
  }
}
