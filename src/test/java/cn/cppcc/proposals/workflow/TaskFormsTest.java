package cn.cppcc.proposals.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms of bpmn/ as Tasklist shows them (issue 14): required fields checked in the
 * form, the answers that feed published figures never preselected (Rule 16).
 */
class TaskFormsTest {

    static final Path FORMS = Path.of("bpmn");

    @Test
    void theRatingFormPreselectsNoAnswer() throws IOException {
        JsonNode form = read(FORMS.resolve("rate-reply.form"));
        for (String key : List.of("rating", "faceToFace")) {
            JsonNode field = field(form, key);
            assertThat(field.has("defaultValue")).as(key).isFalse();
            assertThat(field.path("validate").path("required").asBoolean()).as(key + " is required").isTrue();
        }
    }

    /**
     * A field shown for one decision only is never {@code required} in the form: form-js keeps the
     * error of a field that is then hidden, and Tasklist keeps 完成 disabled while any error is kept,
     * so a worker who changed their mind could not finish. Such a field says （必填） in its label,
     * and the step names it in its refusal.
     */
    @Test
    void aFieldShownForOneDecisionOnlyIsMarkedNotRequired() throws IOException {
        List<String> trapped = new ArrayList<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                for (JsonNode field : fields(read(file))) {
                    if (field.has("conditional") && field.path("validate").path("required").asBoolean()) {
                        trapped.add(file.getFileName() + " " + field.path("key").asText());
                    }
                }
            }
        }
        assertThat(trapped).isEmpty();
        assertThat(field(read(FORMS.resolve("review-proposal.form")), "rejectGround").path("label").asText())
                .isEqualTo("不予立案理由（必填）");
        assertThat(field(read(FORMS.resolve("review-proposal.form")), "decision").path("validate").path("required")
                .asBoolean()).isTrue();
    }

    static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    static List<JsonNode> fields(JsonNode form) {
        List<JsonNode> all = new ArrayList<>();
        collect(form.path("components"), all);
        return all;
    }

    private static void collect(JsonNode components, List<JsonNode> all) {
        components.forEach(c -> {
            all.add(c);
            collect(c.path("components"), all);
        });
    }

    static JsonNode field(JsonNode form, String key) {
        return fields(form).stream().filter(f -> key.equals(f.path("key").asText())).findFirst().orElseThrow();
    }
}
