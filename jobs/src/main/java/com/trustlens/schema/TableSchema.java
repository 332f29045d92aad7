package com.trustlens.schema;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A table's schema as kept in schemas/: name, layer, description, key and columns. */
public record TableSchema(String table, String layer, String description, List<String> key, List<ColumnSpec> columns) {

  public TableSchema {
    key = key == null ? List.of() : List.copyOf(key);
    columns = List.copyOf(columns);
  }

  public StructType structType() {
    return new StructType(columns.stream().map(ColumnSpec::field).toArray(StructField[]::new));
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public ColumnSpec requireColumn(String name) {
    return column(name).orElseThrow(() -> new IllegalArgumentException(
        "schemas/" + layer + "/" + table + ".json has no column " + name));
  }

  /**
   * Selects the schema's columns, in its order, cast to its types and carrying its comments.
   * A column the dataset lacks is an error naming the table and column.
   */
  public Dataset<Row> conform(Dataset<Row> data) {
    List<String> present = List.of(data.columns());
    Column[] cols = columns.stream().map(c -> {
      if (!present.contains(c.name())) {
        throw new IllegalArgumentException("table " + table + " is missing column " + c.name()
            + " of schemas/" + layer + "/" + table + ".json (has " + present + ")");
      }
      StructField f = c.field();
      return data.col(c.name()).cast(f.dataType()).as(c.name(), f.metadata());
    }).toArray(Column[]::new);
    return data.select(cols);
  }
}
