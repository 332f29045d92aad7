package com.trustlens.testing;

import static org.apache.spark.sql.functions.lit;

import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Test panels holding a few metrics, completed to the lake's panel schema for steps that read it whole. */
public final class Panels {
  private Panels() {}

  /** The panel with every metric it lacks set to 0 (null where the schema allows it), in schema order. */
  public static Dataset<Row> complete(Dataset<Row> panel) {
    List<String> present = Arrays.asList(panel.columns());
    Dataset<Row> out = panel;
    for (ColumnSpec c : Schemas.internal("panel").columns()) {
      if (!present.contains(c.name())) {
        out = out.withColumn(c.name(), (c.isNullable() ? lit(null) : lit(0)).cast(c.dataType()));
      }
    }
    return Schemas.internal("panel").conform(out);
  }
}
