package com.trustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableFormatterTest {
  private static final StructType SCHEMA = new StructType()
      .add("metric", DataTypes.StringType)
      .add("value", DataTypes.DoubleType)
      .add("rules", DataTypes.createArrayType(DataTypes.StringType))
      .add("period", DataTypes.DateType);

  @SuppressWarnings("deprecation")
  private static final List<Row> ROWS = List.of(
      RowFactory.create("opened", 0.123456789, scala.collection.JavaConverters.asScalaBuffer(List.of("a.b", "c.d")).toList(),
          java.sql.Date.valueOf("2025-01-06")),
      RowFactory.create("say \"hi\", ok", null, scala.collection.JavaConverters.asScalaBuffer(List.<String>of()).toList(), null));

  private static String print(TableFormatter.Format f) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    TableFormatter.print(SCHEMA, ROWS.iterator(), f, new PrintStream(b, true, StandardCharsets.UTF_8));
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tableIsAlignedWithRoundedDoubles() {
    assertEquals(String.join("\n",
        "metric       | value  | rules      | period",
        "-------------+--------+------------+-----------",
        "opened       | 0.1235 | [a.b, c.d] | 2025-01-06",
        "say \"hi\", ok | null   | []         | null",
        "(2 rows)", ""), print(TableFormatter.Format.TABLE));
  }

  @Test
  void csvQuotesAndKeepsFullPrecision() {
    assertEquals(String.join("\n",
        "metric,value,rules,period",
        "opened,0.123456789,\"[a.b, c.d]\",2025-01-06",
        "\"say \"\"hi\"\", ok\",,[],", ""), print(TableFormatter.Format.CSV));
  }

  @Test
  void jsonLinesKeepTypes() {
    assertEquals(String.join("\n",
        "{\"metric\":\"opened\",\"value\":0.123456789,\"rules\":[\"a.b\",\"c.d\"],\"period\":\"2025-01-06\"}",
        "{\"metric\":\"say \\\"hi\\\", ok\",\"value\":null,\"rules\":[],\"period\":null}", ""),
        print(TableFormatter.Format.JSON));
  }
}
