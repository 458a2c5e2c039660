package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.dossier.ListFiltersIntegrationTest;
import cn.cppcc.proposals.web.PageSession.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The list page as the office's working tool: its filters, sortable columns and the export of exactly what it shows. */
class ProposalListPagesIntegrationTest extends PagesTestSupport {

    @Test
    void officeFiltersSortsAndExportsTheList() {
        String tag = "列表页" + System.nanoTime() % 100000;
        long first = proposals.submitted(tag + "一");
        long second = proposals.submitted(tag + "二");
        proposals.review(first, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.review(second, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(second, "SINGLE", List.of("housing"), null);

        PageSession office = as("office1");
        String q = URLEncoder.encode(tag, StandardCharsets.UTF_8);
        Page list = office.get("/proposals?q=" + q + "&sort=number");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.missingKeys()).isEmpty();
        assertThat(listIds(list)).containsExactly(first, second);
        assertThat(list.has("aria-sort=\"ascending\"")).isTrue();
        assertThat(listIds(office.get("/proposals?q=" + q + "&sort=-number"))).containsExactly(second, first);
        Page housing = office.get("/proposals?q=" + q + "&unit=housing&role=SINGLE");
        assertThat(listIds(housing)).containsExactly(second);
        assertThat(housing.body()).contains("<option value=\"housing\" selected=\"selected\">");
        assertThat(housing.has("id=\"export-xlsx\"")).isTrue();

        Page bad = office.get("/proposals?sort=colour");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.has("data-field=\"sort\"")).isTrue();

        assertThat(as("member1").get("/proposals").has("id=\"export-xlsx\"")).isFalse();
    }

    @Test
    void theExportLinkOfThePageDownloadsItsItems() throws Exception {
        String tag = "页导出" + System.nanoTime() % 100000;
        long id = proposals.submitted(tag);
        PageSession office = as("office1");
        Page list = office.get("/proposals?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        Matcher link = Pattern.compile("href=\"([^\"]*)\" id=\"export-xlsx\"").matcher(list.body());
        assertThat(link.find()).isTrue();
        String href = unescape(link.group(1));
        assertThat(href).startsWith("/proposals/export.xlsx?");
        var download = office.download(href);
        assertThat(download.statusCode()).isEqualTo(200);
        List<List<String>> rows = ListFiltersIntegrationTest.rows(download.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(2)).isEqualTo(proposals.dossier(id).get("title").asText());
    }
}
