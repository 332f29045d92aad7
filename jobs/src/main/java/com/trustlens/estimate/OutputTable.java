package com.trustlens.estimate;

import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Rows of a small gold table built on the driver, column by name, checked against its schema file. */
final class OutputTable {
  private final TableSchema schema;
  private final List<Row> rows = new ArrayList<>();

  OutputTable(String table) {
    this.schema = Schemas.output(table);
  }

  /** A row under construction; {@link Values#add()} checks that every column was set. */
  final class Values {
    private final Map<String, Object> values = new LinkedHashMap<>();

    Values set(String column, Object value) {
      schema.requireColumn(column);
      values.put(column, value);
      return this;
    }

    boolean has(String column) {
      return schema.column(column).isPresent();
    }

    void add() {
      Object[] ordered = new Object[schema.columns().size()];
      for (int i = 0; i < ordered.length; i++) {
        String name = schema.columns().get(i).name();
        if (!values.containsKey(name)) {
          throw new IllegalStateException("row of " + schema.table() + " has no value for column " + name);
        }
        ordered[i] = values.get(name);
      }
      rows.add(RowFactory.create(ordered));
    }
  }

  Values row() {
    return new Values();
  }

  int size() {
    return rows.size();
  }

  Dataset<Row> toDataset(SparkSession spark) {
    return spark.createDataFrame(rows, schema.structType());
  }
}
