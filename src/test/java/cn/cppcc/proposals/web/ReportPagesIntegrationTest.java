package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.web.PageSession.Page;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reports page on the proposals of {@link FiguresDataset}: tables, downloads, annual paragraph, ranking. */
class ReportPagesIntegrationTest extends PagesTestSupport {

    static final String SESSION = FiguresDataset.SESSION;

    @BeforeEach
    void dataset() {
        FiguresDataset.ids(api, proposals);
        setClock(FiguresDataset.DASHBOARD_DAY);
    }

    @Test
    void tablesOfTheSessionPerUnitCategoryAndProposerType() {
        Page page = as("office1").get("/reports?session=" + SESSION);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.missingKeys()).isEmpty();
        assertThat(page.body()).contains("统计报表", "统计范围：看板测试届次");
        assertThat(line(page, "reports.submitted")).isEqualTo("5");
        assertThat(line(page, "reports.filed")).isEqualTo("3");
        assertThat(line(page, "reports.rejected")).isEqualTo("1");
        assertThat(line(page, "reports.assigned")).isEqualTo("3");
        assertThat(line(page, "reports.unitAssignments")).isEqualTo("4");
        assertThat(line(page, "reports.replyRate")).isEqualTo("66.7%");
        assertThat(line(page, "reports.faceToFaceRate")).isEqualTo("50%");
        assertThat(line(page, "reports.satisfiedOrBasicallyRate")).isEqualTo("100%");
        assertThat(line(page, "reports.overdue")).isEqualTo("1");
        assertThat(text(section(page, "report-by-category"))).contains("城市交通 1", "教科文卫 1", "社区建设 1", "经济发展 0",
                "交办提案（件） 3");
        assertThat(text(row(page, "data-type=\"MEMBER\""))).isEqualTo(" 委员个人 5 3 ");
        assertThat(text(row(page, "data-type=\"JOINT\""))).isEqualTo(" 委员联名 0 0 ");
        // edu: D2 (replied, phone, basically satisfied) and D3 (overdue); housing: D2 as co-unit
        assertThat(text(row(page, "data-unit=\"edu\""))).isEqualTo(" 区教育局 2 2 1 1 0 0 1 0 0 1 0 50% 100% 0% 100% ");
        assertThat(text(row(page, "data-unit=\"housing\""))).startsWith(" 区住房和城乡建设局 1 0 0 ");
        assertThat(text(section(page, "report-classes"))).contains("A 已解决或采纳 1", "B 正在解决或列入计划解决 1", "C 因条件限制留作参考 0");
    }

    /**
     * Issue 14: in December the current session is already next year's (10-6 is 2027's), and the
     * pages defaulted to 2027. Without a choice the year and the annual report are this year's.
     */
    @Test
    void withoutAChoiceTheYearIsThisYearNotTheCurrentSessions() {
        PageSession office = as("office1");
        for (String path : new String[] {"/reports", "/dashboard"}) {
            Page page = office.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<option value=\"2033\" selected=\"selected\">2033</option>");
        }
        assertThat(office.get("/reports").body()).contains("2033年度报告", "href=\"/reports/annual.docx?year=2033\"");
        // a chosen year stays chosen
        assertThat(office.get("/reports?year=2032").body()).contains("2032年度报告");
    }

    @Test
    void annualParagraphAndRankingWithItsWeights() {
        Page page = as("office1").get("/reports?session=" + SESSION);
        assertThat(page.body()).contains("2033年度报告");
        assertThat(text(section(page, "annual-text"))).contains("2033年区政协共交办提案3件", "城市交通类1件");
        assertThat(text(section(page, "ranking-weights")))
                .contains("按期答复率 × 0.3 + 见面率 × 0.3 + 满意率和基本满意率 × 0.4");
        // transport: on time, face to face, satisfied: 1.0; edu: on time, by phone, basically satisfied: 0.7;
        // housing only sent an opinion: no rank
        assertThat(text(ranking(page, "transport"))).isEqualTo(" 1 区交通运输局 1 1 100% 100% 100% 1.0000 ");
        assertThat(text(ranking(page, "edu"))).isEqualTo(" 2 区教育局 2 1 100% 0% 100% 0.7000 ");
        assertThat(text(ranking(page, "housing"))).startsWith(" — 区住房和城乡建设局 0 0 ");
        assertThat(page.body().indexOf("data-unit=\"transport\"", page.body().indexOf("ranking-table")))
                .isLessThan(page.body().indexOf("data-unit=\"edu\"", page.body().indexOf("ranking-table")));
    }

    @Test
    void downloadsOfTheReportsForThePeriod() {
        PageSession office = as("office1");
        Page page = office.get("/reports?year=2033");
        assertThat(page.body()).contains("href=\"/reports/summary.xlsx?year=2033\"", "href=\"/reports/register.xlsx?year=2033\"",
                "href=\"/reports/annual.docx?year=2033\"");
        for (String download : new String[] {"/reports/summary.xlsx?year=2033", "/reports/register.xlsx?session=" + SESSION,
                "/reports/annual.docx?year=2033"}) {
            Page file = office.get(download);
            assertThat(file.status()).as(download).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment;").contains("filename*=UTF-8''");
            assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        }
        // a bad parameter leads back to the page, which names the field
        Page bad = office.get("/reports/annual.docx?year=abc");
        assertThat(bad.path()).isEqualTo("/reports?year=abc");
        assertThat(bad.body()).contains("data-field=\"year\">必须是整数");
    }

    @Test
    void dateRangeAndItsMessages() {
        PageSession office = as("office1");
        Page march = office.get("/reports?from=2033-03-01&to=2033-03-31");
        assertThat(march.body()).contains("统计范围：2033-03-01至2033-03-31");
        assertThat(line(march, "reports.submitted")).isEqualTo("5");
        Page backwards = office.get("/reports?from=2033-03-31&to=2033-03-01");
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(backwards.body()).contains("data-field=\"to\">截止日期不能早于起始日期");
        assertThat(office.get("/reports?from=2033-13-01").body()).contains("data-field=\"from\">日期格式应为YYYY-MM-DD");
        Page annual = office.get("/reports?session=" + SESSION + "&annual=2032");
        assertThat(annual.body()).contains("2032年度报告", "href=\"/reports/annual.docx?year=2032\"", "2032年区政协尚未交办提案");
        assertThat(office.get("/reports?session=" + SESSION + "&annual=abc").body()).contains("data-field=\"annual\">必须是整数");
        Page english = office.get("/reports?session=" + SESSION + "&lang=en");
        assertThat(english.body()).contains("Reports", "Ranking of handling units", "On-time reply rate");
        assertThat(english.missingKeys()).isEmpty();
    }

    @Test
    void onlyTheReportsReadersSeeIt() {
        assertThat(as("chair1").get("/reports?session=" + SESSION).status()).isEqualTo(200);
        assertThat(as("auditor1").get("/reports?session=" + SESSION).status()).isEqualTo(200);
        assertThat(as("member1").get("/reports").status()).isEqualTo(403);
        assertThat(as("transport1").get("/reports/summary.xlsx").status()).isEqualTo(403);
        assertThat(anonymous().get("/reports").path()).isEqualTo("/login");
        assertThat(as("office1").get("/").body()).contains("id=\"nav-reports\"", "href=\"/reports\"");
    }

    static String line(Page page, String key) {
        Matcher m = Pattern.compile("data-line=\"" + Pattern.quote(key) + "\">\\s*<td>[^<]*</td>\\s*<td class=\"text-end\">([^<]*)</td>")
                .matcher(page.body());
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    static String section(Page page, String id) {
        int start = page.body().indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int tag = page.body().lastIndexOf('<', start);
        String name = page.body().substring(tag + 1, page.body().indexOf(' ', tag));
        return page.body().substring(start, page.body().indexOf("</" + name + ">", start));
    }

    static String row(Page page, String attribute) {
        int start = page.body().indexOf(attribute);
        assertThat(start).as(attribute).isPositive();
        return page.body().substring(page.body().indexOf('>', start) + 1, page.body().indexOf("</tr>", start));
    }

    static String ranking(Page page, String unit) {
        int table = page.body().indexOf("id=\"ranking-table\"");
        int start = page.body().indexOf("data-unit=\"" + unit + "\"", table);
        return page.body().substring(page.body().indexOf('>', start) + 1, page.body().indexOf("</tr>", start));
    }
}
