package cn.cppcc.proposals.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * API.md "The plenary week": the list of proposals as the office's working tool, filtered by
 * category, unit and its part, key, proposer type, session, status and text, sorted, and exported
 * to a spreadsheet with exactly the filtered items.
 */
public class ListFiltersIntegrationTest extends IntegrationTestSupport {

    @Test
    void filtersByUnitAndItsPartKeyAndProposerTypeAndSortsByNumber() {
        String tag = "筛选" + System.nanoTime() % 100000;
        long lead = proposals.submitted(tag + "甲");
        long co = proposals.submitted(tag + "乙");
        long party = proposals.submit("member1", party(tag + "丙"));
        proposals.review(lead, Map.of("decision", "FILE", "category", "城市交通", "comment", "同意"));
        proposals.review(co, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));
        proposals.review(party, Map.of("decision", "FILE", "category", "教科文卫"));
        proposals.assign(lead, "LEAD_AND_CO", List.of("transport", "edu"), "transport");
        proposals.assign(co, "LEAD_AND_CO", List.of("edu", "transport"), "edu");

        String q = "&q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        assertThat(ids("unit=transport&role=LEAD" + q)).containsExactly(lead);
        assertThat(ids("unit=transport&role=CO" + q)).containsExactly(co);
        assertThat(ids("unit=edu" + q + "&sort=number")).containsExactly(lead, co);
        assertThat(ids("role=LEAD" + q + "&sort=-number")).containsExactly(co, lead);
        assertThat(ids("key=true" + q)).containsExactly(co);
        assertThat(ids("key=false&category=" + URLEncoder.encode("教科文卫", StandardCharsets.UTF_8) + q))
                .containsExactly(party);
        assertThat(ids("proposerType=PARTY" + q)).containsExactly(party);
        assertThat(ids("status=FILED&session=10-6" + q)).containsExactly(party);
        // per unit, as the reports count: edu's parts that owe a reply (not its co-unit part) and are not overdue
        assertThat(ids("overdue=false&unit=edu" + q)).containsExactly(co);
        JsonNode item = api.get("office1", "/api/proposals?unit=transport&role=LEAD" + q).body().get("items").get(0);
        assertThat(item.get("proposerType").asText()).isEqualTo("MEMBER");
        assertThat(item.get("deadline").asText()).isEqualTo(Proposals.today().plusMonths(3).toString());
        // sorted by deadline, what has none comes last
        assertThat(ids(q.substring(1) + "&sort=deadline").get(2)).isEqualTo(party);
    }

    @Test
    void badFiltersNameTheField() {
        assertProblem(api.get("office1", "/api/proposals?sort=colour"), 400, "sort");
        assertProblem(api.get("office1", "/api/proposals?role=BOSS"), 400, "role");
        assertProblem(api.get("office1", "/api/proposals?proposerType=ALIEN"), 400, "proposerType");
        assertProblem(api.get("office1", "/api/proposals/export.xlsx?sort=colour"), 400, "sort");
    }

    @Test
    void exportHoldsExactlyTheFilteredListInItsOrder() throws Exception {
        String tag = "导出" + System.nanoTime() % 100000;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = proposals.submitted(tag + i);
            proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
            ids.add(id);
        }
        proposals.assign(ids.get(0), "SEPARATE", List.of("edu", "housing"), null);
        long other = proposals.submitted("不在导出之列" + tag.substring(2));

        String query = "q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&sort=-number&size=1&page=0";
        HttpResponse<byte[]> download = api.download("office1", "/api/proposals/export.xlsx?" + query);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> rows = rows(download.body());
        assertThat(rows.get(0)).startsWith("提案号", "流水号", "案由", "提案人", "提案者类型");
        assertThat(rows).hasSize(4); // every item, whatever page and size say
        List<String> numbers = ids.stream().map(id -> proposals.dossier(id).get("number").asText()).toList();
        assertThat(rows.subList(1, 4)).extracting(r -> r.get(0)).containsExactly(numbers.get(2), numbers.get(1), numbers.get(0));
        assertThat(rows.get(3).get(2)).isEqualTo("关于改善学校周边交通秩序的建议" + tag + "0");
        assertThat(rows.get(3).get(4)).isEqualTo("委员个人");
        assertThat(rows.get(3).get(7)).isEqualTo("办理中");
        assertThat(rows.get(3).get(9)).isEqualTo("区教育局（分办）、区住房和城乡建设局（分办）");
        assertThat(rows).extracting(r -> r.get(2)).doesNotContain(proposals.dossier(other).get("title").asText());

        assertThat(api.download("member1", "/api/proposals/export.xlsx").statusCode()).isEqualTo(403);
        assertThat(api.download("auditor1", "/api/proposals/export.xlsx?" + query).statusCode()).isEqualTo(200);
    }

    private List<Long> ids(String query) {
        var answer = api.get("office1", "/api/proposals?size=100&" + query);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static Map<String, Object> party(String title) {
        Map<String, Object> submission = Proposals.submission("关于改善学校周边交通秩序的建议" + title);
        submission.put("proposerType", "PARTY");
        return submission;
    }

    /** A spreadsheet's first sheet as text, row by row. */
    public static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
