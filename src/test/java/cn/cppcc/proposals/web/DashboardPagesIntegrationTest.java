package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.web.PageSession.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard on the proposals of {@link FiguresDataset}, whose figures are known. Every figure
 * the office sees is a link to the list page, which lists exactly as many items.
 */
class DashboardPagesIntegrationTest extends PagesTestSupport {

    static final String SESSION = FiguresDataset.SESSION;
    static final Pattern LINKED = Pattern.compile("<a class=\"figure\" href=\"([^\"]+)\" data-figure=\"([^\"]+)\">(\\d+)</a>");
    static final Pattern PLAIN = Pattern.compile("<span class=\"figure\" data-figure=\"([^\"]+)\">(\\d+)</span>");

    static Map<String, Long> ids;

    /** One figure: its count and its link ({@code null} when plain). */
    record Figure(long value, String link) {}

    @BeforeEach
    void dataset() {
        ids = FiguresDataset.ids(api, proposals);
        setClock(FiguresDataset.DASHBOARD_DAY);
    }

    /** Every figure of the page by its name (the same figure may appear twice, with the same count). */
    static Map<String, Figure> figures(Page page) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        Matcher linked = LINKED.matcher(page.body());
        while (linked.find()) {
            figures.put(unescape(linked.group(2)), new Figure(Long.parseLong(linked.group(3)), unescape(linked.group(1))));
        }
        Matcher plain = PLAIN.matcher(page.body());
        while (plain.find()) {
            figures.put(unescape(plain.group(1)), new Figure(Long.parseLong(plain.group(2)), null));
        }
        return figures;
    }

    @Test
    void officeSeesTheSessionsFiguresAndRates() {
        Page page = as("office1").get("/dashboard?session=" + SESSION);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.missingKeys()).isEmpty();
        assertThat(page.body()).contains("统计看板", "统计范围：看板测试届次");
        Map<String, Figure> f = figures(page);
        assertThat(f.get("submitted").value()).isEqualTo(5);
        assertThat(f.get("filed").value()).isEqualTo(3);
        assertThat(f.get("assigned").value()).isEqualTo(3);
        assertThat(f.get("replied").value()).isEqualTo(2);
        assertThat(f.get("overdue").value()).isEqualTo(1);
        assertThat(f.get("reHandled").value()).isZero();
        assertThat(f.get("status.UNDER_REVIEW").value()).isEqualTo(1);
        // D2 waits for the co-unit's opinion, D3 for its reply; D1 is closed
        assertThat(f.get("status.IN_HANDLING").value()).isEqualTo(2);
        assertThat(f.get("status.CLOSED").value()).isEqualTo(1);
        assertThat(f.get("outcome.REJECTED").value()).isEqualTo(1);
        assertThat(f.get("category.城市交通").value()).isEqualTo(1);
        assertThat(f.get("overdue.edu").value()).isEqualTo(1);
        assertThat(f.get("assigned.housing").value()).isEqualTo(1); // the co-unit is assigned ...
        assertThat(f.get("replying.housing").value()).isZero(); // ... and owes no reply
        assertThat(f.get("rating.SATISFIED").value()).isEqualTo(1);
        assertThat(f.get("class.B").value()).isEqualTo(1);
        // the rates of report/ReportService: 2 of 3 replied, 1 of 2 face to face, 2 of 2 satisfied or basically
        assertThat(rate(page, "replyRate")).isEqualTo("66.7%");
        assertThat(rate(page, "faceToFaceRate")).isEqualTo("50%");
        assertThat(rate(page, "satisfiedOrBasicallyRate")).isEqualTo("100%");
        assertThat(f.get("faceToFaceRate.count").value()).isEqualTo(1);
        assertThat(f.get("faceToFaceRate.of").value()).isEqualTo(2);
        // the overdue unit is named, and the charts get their data from attributes
        assertThat(text(page.body())).contains("逾期未答复的承办单位 区教育局 1");
        assertThat(page.body()).contains("data-chart=\"{").contains("/assets/dashboard.js").doesNotContain("<script>");
        Matcher chartJs = Pattern.compile("src=\"(/webjars/chart.js/[^\"]+/chart.umd.min.js)\"").matcher(page.body());
        assertThat(chartJs.find()).isTrue();
        assertThat(anonymous().get(chartJs.group(1)).status()).isEqualTo(200);
    }

    @Test
    void everyFigureLinksToAListOfExactlyAsManyItems() {
        PageSession office = as("office1");
        for (String period : List.of("session=" + SESSION, "year=2033")) {
            Map<String, Figure> figures = figures(office.get("/dashboard?" + period));
            assertThat(figures).hasSizeGreaterThan(50);
            figures.forEach((name, figure) -> {
                assertThat(figure.link()).as("%s of %s", name, period).startsWith("/proposals?");
                Page list = office.get(figure.link());
                assertThat(list.status()).isEqualTo(200);
                assertThat(listTotal(list)).as("%s of %s: %s", name, period, figure.link()).isEqualTo(figure.value());
                if (figure.value() <= 20) {
                    assertThat(listIds(list)).as("rows of %s", name).hasSize((int) figure.value());
                }
            });
        }
        // the overdue reply's list is D3, with its unit, and says what it lists
        Page overdue = office.get(figures(office.get("/dashboard?session=" + SESSION)).get("overdue").link());
        assertThat(listIds(overdue)).containsExactly(ids.get("D3"));
        assertThat(text(overdue.body())).contains("筛选条件： 届次：dash33 已立案 逾期未答复", "区教育局", "共 1 项（每个承办单位一项）");
        Page ratedList = office.get(figures(office.get("/dashboard?year=2033")).get("satisfiedOrBasicallyRate.count").link());
        assertThat(listIds(ratedList)).containsExactlyInAnyOrder(ids.get("D1"), ids.get("D2"));
        assertThat(text(ratedList.body())).contains("2033年立案", "评价： 满意 、 基本满意");
    }

    @Test
    void supervisorsSeeTheFiguresWithoutTheListsTheyMayNotSee() {
        Page page = as("chair1").get("/dashboard?session=" + SESSION);
        assertThat(page.status()).isEqualTo(200);
        Map<String, Figure> f = figures(page);
        assertThat(f.get("submitted")).isEqualTo(new Figure(5, null));
        assertThat(f.values()).allMatch(figure -> figure.link() == null);
        assertThat(page.body()).contains("id=\"plain-figures\"").contains("id=\"nav-dashboard\"");
        Page auditor = as("auditor1").get("/dashboard?year=2033");
        assertThat(figures(auditor).get("overdue").link()).isNotNull();
        assertThat(as("member1").get("/dashboard").status()).isEqualTo(403);
        assertThat(as("edu1").get("/dashboard").status()).isEqualTo(403);
        assertThat(as("member1").get("/").body()).doesNotContain("/dashboard");
    }

    @Test
    void badPeriodShowsTheFieldsMessageAndTheDefaultPeriod() {
        PageSession office = as("office1");
        Page badYear = office.get("/dashboard?year=abc");
        assertThat(badYear.status()).isEqualTo(200);
        assertThat(badYear.body()).contains("data-field=\"year\">必须是整数");
        assertThat(office.get("/dashboard?session=nope").body()).contains("data-field=\"session\">没有该届次");
        assertThat(office.get("/dashboard?session=" + SESSION + "&year=2033").body())
                .contains("data-field=\"year\">届次和年份只能指定一项");
        Page byDefault = office.get("/dashboard");
        assertThat(byDefault.status()).isEqualTo(200);
        assertThat(byDefault.body()).contains("统计范围：");
        Page english = office.get("/dashboard?session=" + SESSION + "&lang=en");
        assertThat(english.body()).contains("Dashboard", "Face-to-face rate");
        assertThat(english.missingKeys()).isEmpty();
    }

    @Test
    void listPageShowsABadFiltersMessageNotAnError() {
        Page bad = as("office1").get("/proposals?filedIn=1800&rating=GOOD");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("data-field=\"filedIn\">年份应在1949至2200之间")
                .contains("data-field=\"rating\">取值无效");
        assertThat(listTotal(bad)).isZero();
    }

    static String rate(Page page, String name) {
        Matcher m = Pattern.compile("data-rate=\"" + name + "\">.*?<div class=\"display-6 rate\">([^<]+)</div>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
