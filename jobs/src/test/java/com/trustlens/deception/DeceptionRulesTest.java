package com.trustlens.deception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and validating rules files: every error names the file and the key at fault. */
class DeceptionRulesTest {
  @TempDir Path dir;

  private static final String VALID = """
      lists:
        greetings: [hello, 'hi+']
      families:
        fake_reply:
          kind_not_in: [transactional]
          rules:
            - {name: first, pattern: 'one', weight: 0.5}
            - {name: second, pattern: '^${greetings}\\b', weight: 0.4, field: raw_subject, kind_not_in: [service]}
            - name: third
              pattern: 'three'
              weight: 0.3
              language: fr
              unless: [{pattern: 'not three'}]
              requires: [{field: sender_address, pattern: 'news'}]
              repeated_within_days: 7
      """;

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("my-rules.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private ConfigException error(String yaml) throws IOException {
    Path f = write(yaml);
    ConfigException e = assertThrows(ConfigException.class, () -> DeceptionRules.load(f.toString()));
    assertTrue(e.getMessage().contains("my-rules.yaml"), "names the file: " + e.getMessage());
    return e;
  }

  @Test
  void builtInRulesCoverEveryFamilyOfTheSpecWithUniqueNames() {
    DeceptionRules rules = DeceptionRules.load(null);
    assertEquals(List.of("fake_reply", "false_alias", "fake_apology", "false_urgency", "transactional_mimicry",
        "fake_memo", "prize_bait", "missed_contact"), rules.families().stream().map(RuleFamily::name).toList());
    Set<String> ids = new HashSet<>();
    rules.rules().forEach(r -> assertTrue(ids.add(r.id()), "duplicate " + r.id()));
    rules.rules().forEach(r -> assertTrue(r.kindNotIn().contains("transactional") && r.kindNotIn().contains("service"),
        r.id() + " is guarded against real transactional and service mails"));
  }

  @Test
  void fileIsReadWithListsExpandedAndFamilyConditionsInherited() throws IOException {
    DeceptionRules rules = DeceptionRules.load(write(VALID).toString());
    List<Rule> all = rules.rules();
    assertEquals(List.of("fake_reply.first", "fake_reply.second", "fake_reply.third"), all.stream().map(Rule::id).toList());
    Rule second = all.get(1);
    assertEquals("^(?:hello|hi+)\\b", second.pattern());
    assertEquals(RuleField.RAW_SUBJECT, second.field());
    assertEquals(Set.of("transactional", "service"), second.kindNotIn());
    assertEquals(RuleLanguage.ANY, second.language());
    Rule third = all.get(2);
    assertEquals(RuleLanguage.FR, third.language());
    assertEquals(List.of(new TextCondition(RuleField.SUBJECT, "not three")), third.unless());
    assertEquals(List.of(new TextCondition(RuleField.SENDER_ADDRESS, "news")), third.requires());
    assertEquals(7, third.repeatedWithinDays());
    assertEquals(DeceptionRules.load("file:" + write(VALID)).rules(), all, "file: URIs read the same");
  }

  @Test
  void badRegularExpressionNamesTheRuleAndKey() throws IOException {
    ConfigException e = error(VALID.replace("pattern: 'three'", "pattern: 'thr(ee'"));
    assertEquals("deception.rules: families.fake_reply.rules[2].pattern", e.key());
    assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
  }

  @Test
  void unknownKeyIsNamedWithItsPath() throws IOException {
    ConfigException e = error(VALID.replace("weight: 0.3", "wieght: 0.3"));
    assertEquals("deception.rules: families.fake_reply.rules[2].wieght", e.key());
    assertTrue(e.getMessage().contains("unknown key") && e.getMessage().contains("weight"), e.getMessage());
  }

  @Test
  void badValuesAreNamed() throws IOException {
    assertEquals("deception.rules: families.fake_reply.rules[0].weight",
        error(VALID.replace("weight: 0.5", "weight: 1.5")).key());
    assertEquals("deception.rules: families.fake_reply.rules[2].language",
        error(VALID.replace("language: fr", "language: de")).key());
    assertEquals("deception.rules: families.fake_reply.rules[1].field",
        error(VALID.replace("field: raw_subject", "field: body")).key());
    assertEquals("deception.rules: families.fake_reply.kind_not_in",
        error(VALID.replace("kind_not_in: [transactional]", "kind_not_in: [promo]")).key());
    assertEquals("deception.rules: families.fake_reply.rules[1].pattern",
        error(VALID.replace("${greetings}", "${salutations}")).key());
    assertEquals("deception.rules: families.fake_reply.rules[0].pattern",
        error(VALID.replace("pattern: 'one'", "pattern: 'réponse'")).key());
    assertEquals("deception.rules: families.fake_reply.rules[1].name",
        error(VALID.replace("name: second", "name: first")).key());
    assertEquals("deception.rules: families.fake_reply.rules[2].repeated_within_days",
        error(VALID.replace("repeated_within_days: 7", "repeated_within_days: 0")).key());
    assertEquals("deception.rules: lists.greetings[1]", error(VALID.replace("'hi+'", "'hi('")).key());
  }

  @Test
  void missingOrUnreadableFilesAreNamed() throws IOException {
    ConfigException missing = assertThrows(ConfigException.class, () -> DeceptionRules.load(dir.resolve("none.yaml").toString()));
    assertEquals("deception.rules", missing.key());
    assertTrue(missing.getMessage().contains("none.yaml"), missing.getMessage());
    assertEquals("deception.rules", error("families: 'unterminated\n").key());
    assertEquals("deception.rules: families", error("lists: {}\n").key());
  }
}
