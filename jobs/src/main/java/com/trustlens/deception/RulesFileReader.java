package com.trustlens.deception;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.trustlens.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Binds a rules file to its raw shape, then validates and compiles it into {@link DeceptionRules}. */
final class RulesFileReader {
  private static final String KEY = "deception.rules";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern LIST_REF = Pattern.compile("\\$\\{([^}]*)}");
  // Fields are accent-folded, so a pattern with an accent can never match: catch it at load.
  private static final Pattern ACCENT = Pattern.compile("[à-ÿœæÀ-ßŒÆ]");

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .build();

  /** The file as written. */
  record FileSpec(Map<String, List<String>> lists, LinkedHashMap<String, FamilySpec> families) {}

  /** A family: defaults its rules inherit (language) or add to (kinds, requires, unless). */
  record FamilySpec(String description, String language, List<String> kindIn, List<String> kindNotIn,
      List<ConditionSpec> requires, List<ConditionSpec> unless, List<RuleSpec> rules) {}

  record RuleSpec(String name, String language, String field, String pattern, Double weight,
      List<String> kindIn, List<String> kindNotIn, List<ConditionSpec> requires,
      List<ConditionSpec> unless, Integer repeatedWithinDays) {}

  record ConditionSpec(String field, String pattern) {}

  private final String source;
  private final Map<String, List<String>> lists;

  private RulesFileReader(String source, Map<String, List<String>> lists) {
    this.source = source;
    this.lists = lists;
  }

  static DeceptionRules read(String yaml, String source) {
    FileSpec spec = bind(yaml, source);
    if (spec == null || spec.families() == null || spec.families().isEmpty()) {
      throw new ConfigException(KEY + ": families", "no rule family defined in " + source);
    }
    Map<String, List<String>> lists = spec.lists() == null ? Map.of() : spec.lists();
    RulesFileReader reader = new RulesFileReader(source, lists);
    lists.forEach((name, entries) -> reader.checkList(name, entries));
    List<RuleFamily> families = new ArrayList<>();
    spec.families().forEach((name, f) -> families.add(reader.family(name, f)));
    return new DeceptionRules(source, families);
  }

  private static FileSpec bind(String yaml, String source) {
    try {
      return YAML.readValue(yaml, FileSpec.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new ConfigException(KEY + ": " + pathOf(e), "unknown key in " + source + " (known keys here: " + known + ")");
    } catch (JsonMappingException e) {
      throw new ConfigException(KEY + ": " + pathOf(e), "invalid value in " + source + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ConfigException(KEY, source + " is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
  }

  private static String pathOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private void checkList(String name, List<String> entries) {
    String at = "lists." + name;
    if (!NAME.matcher(name).matches()) fail(at, "list name must match " + NAME.pattern());
    if (entries == null || entries.isEmpty()) fail(at, "list is empty");
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == null || entries.get(i).isBlank()) fail(at + "[" + i + "]", "entry is empty");
      compile(entries.get(i), at + "[" + i + "]");
    }
  }

  private RuleFamily family(String name, FamilySpec f) {
    String at = "families." + name;
    if (!NAME.matcher(name).matches()) fail(at, "family name must match " + NAME.pattern());
    if (f == null || f.rules() == null || f.rules().isEmpty()) fail(at + ".rules", "family has no rules");
    RuleLanguage familyLanguage = language(f.language(), RuleLanguage.ANY, at + ".language");
    List<String> familyKindIn = kinds(f.kindIn(), at + ".kind_in");
    List<String> familyKindNotIn = kinds(f.kindNotIn(), at + ".kind_not_in");
    Set<String> seen = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < f.rules().size(); i++) {
      String ruleAt = at + ".rules[" + i + "]";
      RuleSpec r = f.rules().get(i);
      if (r == null) fail(ruleAt, "rule is empty");
      if (r.name() == null || !NAME.matcher(r.name()).matches()) {
        fail(ruleAt + ".name", "rule name is required and must match " + NAME.pattern());
      }
      if (!seen.add(r.name())) fail(ruleAt + ".name", "rule name '" + r.name() + "' is used twice in family " + name);
      RuleField field = field(r.field(), RuleField.SUBJECT, ruleAt + ".field");
      if (r.weight() == null || !(r.weight() > 0 && r.weight() <= 1)) {
        fail(ruleAt + ".weight", "weight is required and must be in (0, 1], got " + r.weight());
      }
      if (r.repeatedWithinDays() != null && r.repeatedWithinDays() < 1) {
        fail(ruleAt + ".repeated_within_days", "must be at least 1 day, got " + r.repeatedWithinDays());
      }
      rules.add(new Rule(name, r.name(), language(r.language(), familyLanguage, ruleAt + ".language"), field,
          pattern(r.pattern(), ruleAt + ".pattern"), r.weight(),
          union(familyKindIn, kinds(r.kindIn(), ruleAt + ".kind_in")),
          union(familyKindNotIn, kinds(r.kindNotIn(), ruleAt + ".kind_not_in")),
          concat(conditions(f.requires(), field, at + ".requires"), conditions(r.requires(), field, ruleAt + ".requires")),
          concat(conditions(f.unless(), field, at + ".unless"), conditions(r.unless(), field, ruleAt + ".unless")),
          r.repeatedWithinDays() == null ? 0 : r.repeatedWithinDays()));
    }
    return new RuleFamily(name, f.description() == null ? "" : f.description().strip(), rules);
  }

  private List<TextCondition> conditions(List<ConditionSpec> specs, RuleField defaultField, String at) {
    if (specs == null) return List.of();
    List<TextCondition> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      ConditionSpec c = specs.get(i);
      if (c == null) fail(at + "[" + i + "]", "condition is empty; write {field: ..., pattern: ...}");
      out.add(new TextCondition(field(c.field(), defaultField, at + "[" + i + "].field"),
          pattern(c.pattern(), at + "[" + i + "].pattern")));
    }
    return out;
  }

  /** Expands ${list} references into non-capturing alternations, then checks the result compiles. */
  private String pattern(String raw, String at) {
    if (raw == null || raw.isBlank()) fail(at, "pattern is required");
    Matcher accent = ACCENT.matcher(raw);
    if (accent.find()) {
      fail(at, "pattern contains '" + accent.group() + "' but fields are folded to lower case without accents; "
          + "write plain letters (e for é, oe for œ)");
    }
    Matcher m = LIST_REF.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> entries = lists.get(m.group(1));
      if (entries == null) {
        fail(at, "unknown list ${" + m.group(1) + "} (lists defined: " + String.join(", ", lists.keySet()) + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement("(?:" + String.join("|", entries) + ")"));
    }
    m.appendTail(out);
    compile(out.toString(), at);
    return out.toString();
  }

  private void compile(String regex, String at) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      fail(at, "'" + e.getPattern() + "' is not a valid regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }

  private RuleLanguage language(String value, RuleLanguage fallback, String at) {
    if (value == null) return fallback;
    return RuleLanguage.fromKey(value).orElseGet(() -> fail(at, "unknown language '" + value + "' (one of: fr, en, any)"));
  }

  private RuleField field(String value, RuleField fallback, String at) {
    if (value == null) return fallback;
    return RuleField.fromKey(value).orElseGet(() -> fail(at, "unknown field '" + value + "' (one of: "
        + java.util.Arrays.stream(RuleField.values()).map(RuleField::key).collect(Collectors.joining(", ")) + ")"));
  }

  private List<String> kinds(List<String> values, String at) {
    if (values == null) return List.of();
    for (String k : values) {
      if (!DeceptionRules.KINDS.contains(k)) {
        fail(at, "unknown campaign kind '" + k + "' (one of: " + String.join(", ", DeceptionRules.KINDS) + ")");
      }
    }
    return values;
  }

  private static Set<String> union(List<String> a, List<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return s;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private <T> T fail(String at, String problem) {
    throw new ConfigException(KEY + ": " + at, problem + " (in " + source + ")");
  }
}
