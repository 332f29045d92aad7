package com.trustlens.schema;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table schema file: its Spark type (DDL), description, and for inputs the
 * contract checks (required, allowed values, range, PII handling, default); for panel metrics,
 * whether the metric is absorbing (a 0/1 flag that never goes back, so a change is an event).
 */
public record ColumnSpec(
    String name,
    String type,
    Boolean nullable,
    Boolean required,
    String description,
    String pii,
    List<String> allowed,
    Double min,
    Double max,
    @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultValue,
    Boolean absorbing) {

  public ColumnSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  public DataType dataType() {
    return DataType.fromDDL(type);
  }

  public boolean isRequired() {
    return Boolean.TRUE.equals(required);
  }

  public boolean isAbsorbing() {
    return Boolean.TRUE.equals(absorbing);
  }

  public boolean isNullable() {
    return !Boolean.FALSE.equals(nullable) && !isRequired();
  }

  /** The Spark field, with the description as the column comment Delta keeps. */
  public StructField field() {
    Metadata md = new MetadataBuilder().putString("comment", description == null ? "" : description).build();
    return new StructField(name, dataType(), isNullable(), md);
  }
}
