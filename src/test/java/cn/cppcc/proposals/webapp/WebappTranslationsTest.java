package cn.cppcc.proposals.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps show a raw key (e.g. BANNER_CE_EOL_TEXT) for every key that is missing in
 * the selected locale file: fallbackLocale does not fill it in. These tests compare our zh-CN.json
 * files with the en.json of the Camunda webjar on the classpath, so that a Camunda upgrade that
 * adds keys fails the build until they are translated.
 */
class WebappTranslationsTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern ZH_CN_FALLBACK =
      Pattern.compile("(?m)^\\s*fallbackLocale\\s*:\\s*['\"]zh-CN['\"]");
  private static final Pattern ZH_CN_AND_EN_AVAILABLE =
      Pattern.compile("(?m)^\\s*availableLocales\\s*:\\s*\\[\\s*['\"]zh-CN['\"]\\s*,\\s*['\"]en['\"]\\s*]");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyIsTranslated(String app) throws IOException {
    Map<String, JsonNode> english = flatten(read(app, "en.json"));
    Map<String, JsonNode> chinese = flatten(read(app, "zh-CN.json"));

    List<String> missing = new ArrayList<>();
    for (String key : english.keySet()) {
      if (!chinese.containsKey(key)) {
        missing.add(key);
      }
    }

    assertThat(missing)
        .as("keys of the webjar's %s en.json missing in our zh-CN.json (they show as raw keys)", app)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noTranslationIsEmpty(String app) throws IOException {
    List<String> empty = new ArrayList<>();
    flatten(read(app, "zh-CN.json")).forEach((key, value) -> {
      if (isEmpty(value)) {
        empty.add(key);
      }
    });

    assertThat(empty).as("empty values in %s zh-CN.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyPlaceholderIsKept(String app) throws IOException {
    Map<String, JsonNode> english = flatten(read(app, "en.json"));
    Map<String, JsonNode> chinese = flatten(read(app, "zh-CN.json"));

    List<String> broken = new ArrayList<>();
    english.forEach((key, value) -> {
      JsonNode translated = chinese.get(key);
      if (value.isTextual() && translated != null && translated.isTextual()) {
        Set<String> expected = placeholders(value.asText());
        Set<String> actual = placeholders(translated.asText());
        if (!expected.equals(actual)) {
          broken.add(key + " " + expected + " -> " + actual);
        }
      }
    });

    assertThat(broken).as("{{placeholders}} of en.json lost or changed in %s zh-CN.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configJsOffersChineseFirstAndFallsBackToIt(String app) throws IOException {
    // the first config.js on the classpath is the one Spring Boot serves: it must be ours, not the webjar's
    String config = text(APP_ROOT + app + "/scripts/config.js");

    assertThat(config)
        .as("%s scripts/config.js served from the classpath", app)
        .containsPattern(ZH_CN_FALLBACK)
        .containsPattern(ZH_CN_AND_EN_AVAILABLE);
  }

  private static JsonNode read(String app, String file) throws IOException {
    String path = APP_ROOT + app + "/locales/" + file;
    URL url = resource(path);
    try (InputStream in = url.openStream()) {
      // Jackson skips the UTF-8 byte order mark the webjar's en.json files start with
      JsonNode node = MAPPER.readTree(in);
      assertThat(node).as(path).isNotNull();
      assertThat(node.isObject()).as("%s is a JSON object", path).isTrue();
      return node;
    }
  }

  private static String text(String path) throws IOException {
    try (InputStream in = resource(path).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static URL resource(String path) {
    URL url = WebappTranslationsTest.class.getClassLoader().getResource(path);
    assertThat(url).as("classpath resource %s", path).isNotNull();
    return url;
  }

  /** Nested objects become dotted keys (labels.PAGINATION_FIRST); arrays and scalars are values. */
  private static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    flatten("", node, result);
    return result;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> result) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = prefix + field.getKey();
      if (field.getValue().isObject()) {
        flatten(key + ".", field.getValue(), result);
      } else {
        result.put(key, field.getValue());
      }
    }
  }

  private static boolean isEmpty(JsonNode value) {
    if (value.isNull()) {
      return true;
    }
    if (value.isTextual()) {
      return value.asText().isBlank();
    }
    if (value.isArray()) {
      if (value.isEmpty()) {
        return true;
      }
      for (JsonNode element : value) {
        if (isEmpty(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
