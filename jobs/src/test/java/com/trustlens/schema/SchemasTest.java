package com.trustlens.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemasTest {
  @Test
  void everySchemaFileLoadsWithATypeAndADescriptionPerColumn() throws IOException {
    Set<String> listed = new HashSet<>();
    for (String layer : Schemas.LAYERS) {
      for (String table : Schemas.TABLES.get(layer)) {
        TableSchema t = Schemas.load(layer, table);
        listed.add(layer + "/" + table + ".json");
        assertEquals(table, t.table(), layer + "/" + table);
        assertFalse(t.description() == null || t.description().isBlank(), table + " has a description");
        for (ColumnSpec c : t.columns()) {
          c.dataType();
          assertFalse(c.description() == null || c.description().isBlank(), table + "." + c.name() + " has a description");
          assertEquals(c.description(), c.field().metadata().getString("comment"));
        }
      }
    }
    try (var files = Files.walk(Path.of("schemas"))) {
      Set<String> onDisk = new HashSet<>();
      files.filter(f -> f.toString().endsWith(".json"))
          .forEach(f -> onDisk.add(Path.of("schemas").relativize(f).toString()));
      assertEquals(onDisk, listed, "every file of schemas/ is listed in Schemas.TABLES and vice versa");
    }
  }

  @Test
  void inputContractColumnsAreThoseOfTheSpec() {
    assertEquals(java.util.List.of("event_id", "customer_id", "event_type", "event_time", "campaign_id", "amount", "score"),
        Schemas.input("events").columnNames());
    assertTrue(Schemas.input("events").requireColumn("event_id").isRequired());
    assertEquals("decimal(18,2)", Schemas.input("events").requireColumn("amount").dataType().simpleString());
  }

  @Test
  void docsSchemasMdIsUpToDate() throws IOException {
    String onDisk = Files.readString(Path.of("docs/schemas.md"));
    assertEquals(SchemaDocs.markdown(), onDisk,
        "docs/schemas.md is stale: regenerate it with `bin/trustlens schemas > docs/schemas.md`");
  }
}
