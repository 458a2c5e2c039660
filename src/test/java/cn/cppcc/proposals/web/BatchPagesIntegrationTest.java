package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.web.PageSession.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rule 17 on the office's workbench: the batch tables of the proposals awaiting review and
 * assignment, with what the office decides from preselected, and the rows done by the page's script
 * (a few at a time, as JSON) or by the form alone.
 */
class BatchPagesIntegrationTest extends PagesTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reviewTableShowsSuggestedCategoryAndSimilarProposalsAndFilesTheRowsTheScriptSends() throws Exception {
        Map<String, Object> text = Proposals.submission("关于在老旧小区加装电梯的建议");
        text.put("background", "城区老旧小区多为六层住宅，没有电梯，老年居民上下楼困难。");
        text.put("suggestions", "建议简化老旧小区加装电梯审批流程，给予财政补贴，协调低层住户利益。");
        text.put("suggestedCategory", "城市建设管理");
        long first = proposals.submit("member1", text);
        long twin = proposals.submit("member2", text);

        PageSession office = as("office1");
        Page table = office.get("/office/batch/review");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.missingKeys()).isEmpty();
        String row = row(table, first);
        assertThat(row).contains("<option value=\"城市建设管理\" selected=\"selected\">");
        assertThat(row).contains("similar-badge"); // its twin is as good as the same text
        assertThat(office.get("/").has("id=\"nav-batch-review\"")).isTrue();

        Page answer = office.postJson("/office/batch/review/run", JSON.writeValueAsString(Map.of("items", List.of(
                Map.of("proposalId", first, "decision", "FILE", "category", "城市建设管理"),
                Map.of("proposalId", twin, "decision", "FILE")))));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = JSON.readTree(answer.body()).get("results");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(0).get("number").asText()).matches("\\d{4}");
        assertThat(results.get(1).get("ok").asBoolean()).isFalse();
        assertThat(results.get(1).get("errors").findValuesAsText("field")).containsExactly("category");
        assertThat(proposals.status(first)).isEqualTo("FILED");
        assertThat(proposals.status(twin)).isEqualTo("UNDER_REVIEW");
        assertThat(office.get("/office/batch/review").has("data-id=\"" + first + "\"")).isFalse();
    }

    @Test
    void assignmentTablePreselectsTheSuggestedUnitsAndTheFormAloneAssignsTheSelectedRows() {
        long suggested = proposals.filed("城市交通"); // its text speaks of schools and traffic: edu and transport
        long bad = proposals.filed("城市交通");

        PageSession office = as("office1");
        Page table = office.get("/office/batch/assignment");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.missingKeys()).isEmpty();
        String row = row(table, suggested);
        assertThat(row).contains("<option value=\"LEAD_AND_CO\" selected=\"selected\">");
        assertThat(selectedOptions(row, "units-" + suggested)).containsExactlyInAnyOrder("edu", "transport");
        // the best match leads (issue 14): a 城市交通 proposal's lead is the transport bureau; the office may change it
        assertThat(selectedOptions(row, "lead-" + suggested)).containsExactly("transport");

        Page done = office.post("/office/batch/assignment", Map.of(
                "selected", List.of(String.valueOf(suggested), String.valueOf(bad)),
                "mode-" + suggested, "LEAD_AND_CO", "units-" + suggested, List.of("edu", "transport"),
                "lead-" + suggested, "edu",
                "mode-" + bad, "SINGLE", "units-" + bad, List.of("edu", "housing")));
        assertThat(done.status()).isEqualTo(200);
        assertThat(text(done.body())).contains("成功 1 件，未成功 1 件").contains("单独交办须恰好指定一个承办单位");
        assertThat(proposals.status(suggested)).isEqualTo("IN_HANDLING");
        assertThat(proposals.unit(suggested, "edu").get("role").asText()).isEqualTo("LEAD");
        assertThat(proposals.status(bad)).isEqualTo("FILED");
        // the failed row stays in the table, selected, with why
        assertThat(row(done, bad)).contains("table-danger").contains("checked=\"checked\"");
        assertThat(done.has("data-id=\"" + suggested + "\"")).isFalse();
    }

    @Test
    void nothingSelectedIsSaidAndOnlyTheOfficeHasTheTables() throws Exception {
        proposals.filed("城市交通");
        PageSession office = as("office1");
        office.get("/office/batch/assignment");
        Page none = office.post("/office/batch/assignment", Map.of());
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.has("id=\"none-selected\"")).isTrue();

        PageSession member = as("member1");
        assertThat(member.get("/office/batch/review").status()).isEqualTo(403);
        assertThat(member.postJson("/office/batch/review/run", "{\"items\":[{\"proposalId\":1}]}").status()).isEqualTo(403);
    }

    private static String row(Page page, long id) {
        int start = page.body().lastIndexOf("<tr", page.body().indexOf("data-id=\"" + id + "\""));
        assertThat(start).as("row of %d", id).isPositive();
        return page.body().substring(start, page.body().indexOf("</tr>", start));
    }

    private static List<String> selectedOptions(String row, String name) {
        int start = row.indexOf("name=\"" + name + "\"");
        String select = row.substring(start, row.indexOf("</select>", start));
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(select);
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
