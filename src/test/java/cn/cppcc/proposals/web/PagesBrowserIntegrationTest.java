package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cppcc.proposals.support.ForeignText;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One proposal's life in headless Chromium (Debian's chromium and chromium-driver), as the people
 * do it: the member writes it and is shown a similar earlier one, the office files and assigns it,
 * the unit accepts, consults and replies, the leader signs off, the member rates. Every page is
 * checked for missing texts in Chinese and in English, and photographed to target/screenshots. And
 * the dashboard: its charts, figures and bars leading to their lists, on a phone too.
 * Runs in the H2 execution only: the pages do not depend on the database, and it takes a while.
 */
class PagesBrowserIntegrationTest extends IntegrationTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    Path profile;
    Path pdf;
    int shot;
    final List<String> missing = new ArrayList<>();
    /** Issue 14: what is not Chinese prose where it should be (ForeignText), page by page. */
    final List<String> foreign = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws IOException {
        assumeFalse(TestDatabase.isPostgres(), "the browser tests run in the H2 execution");
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1400", "--lang=zh-CN");
        // the console, to see that the Content-Security-Policy refused nothing
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
        pdf = Files.createTempFile("答复函", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (pdf != null) {
            Files.deleteIfExists(pdf);
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aProposalFromWritingToRating() throws IOException {
        // an earlier proposal of the member's about the same matter, answered by the transport bureau
        // (its own words: the suite's other tests leave many proposals about school traffic behind)
        Map<String, Object> seed = Proposals.submission("关于缓解实验小学门前早高峰拥堵的建议");
        seed.put("background", "实验小学门前道路早高峰拥堵，接送车辆占道停放，学生上学存在安全隐患。");
        seed.put("suggestions", "建议设置接送车辆限时停车区，实行错峰上学，增派交通协管员。");
        long earlier = proposals.submit("member1", seed);
        proposals.review(earlier, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(earlier, "SINGLE", List.of("transport"), null);
        proposals.accept(earlier, "transport");
        proposals.replied(earlier, "transport", "A");
        proposals.rate(earlier, "transport", "member1", "SATISFIED");

        // the member writes, and sees the earlier proposal and its reply while typing
        login("member1");
        open("/proposals/new");
        type("title", "关于缓解实验小学周边上下学交通拥堵的建议");
        type("background", "实验小学周边道路在上下学时段拥堵，接送车辆临时停车占道，学生过街存在安全隐患。");
        type("suggestions", "建议设置接送车辆限时停车区，实行错峰放学，增派交通协管员和护学岗。");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("similar-list"), "实验小学门前早高峰拥堵"));
        assertThat(browser.findElement(By.id("similar-list")).getText()).contains("区交通运输局");
        new Select(browser.findElement(By.id("suggestedCategory"))).selectByVisibleText("城市交通");
        browser.findElement(By.id("files")).sendKeys(pdf.toString());
        check("member-writes");
        click("submit-proposal");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier")));
        assertThat(text("flash-success")).isEqualTo("提案已提交。");
        long id = Long.parseLong(browser.findElement(By.id("dossier")).getAttribute("data-proposal"));
        check("member-dossier-submitted");
        checkInEnglish();

        // the office files it beside the similar proposals, and assigns it with the suggested units
        login("office1");
        open("/office");
        check("office-workbench");
        browser.findElement(By.cssSelector("[data-queue='Task_ReviewProposal'] a[href='/proposals/" + id + "/review']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
        assertThat(browser.findElements(By.cssSelector("#similar-proposals .similar-item[data-id='" + earlier + "']")))
                .as("the near-duplicate, whatever its score: %s", api.get("office1", "/api/proposals/" + id + "/similar").body())
                .hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".similar-item[data-id='" + earlier + "'] .similar-session")).getText())
                .isEqualTo("政协第十届委员会第六次会议");
        assertThat(browser.findElement(By.cssSelector("a.tasklist-link")).getAttribute("href"))
                .contains("/camunda/app/tasklist/default/#/?task=");
        check("office-review");
        click("decision-FILE");
        // only the chosen decision's fields: no ground, unit or target proposal for 立案
        for (String other : List.of("rejectGround", "convertTo", "mergeInto")) {
            assertThat(browser.findElement(By.id(other)).isDisplayed()).as(other).isFalse();
        }
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("城市交通");
        type("comment", "同意立案");
        click("submit-review");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-form")));
        check("office-assignment");
        click("mode-SINGLE");
        for (WebElement unit : browser.findElements(By.cssSelector("input[name='units']:checked"))) {
            unit.click();
        }
        click("unit-edu");
        click("submit-assignment");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier")));
        assertThat(text("flash-success")).isEqualTo("已交办。");

        // the office also registers two proposals received on paper, one of them refused
        Path sheet = Files.createTempFile("纸质提案", ".xlsx");
        Files.write(sheet, PagesIntegrationTest.sheet(
                List.of("案由", "案据", "办法", "提案人", "提案者类型", "同意公开"),
                List.of("关于增设社区老年食堂的建议", "老年人就餐不便。", "建议在社区增设老年食堂。", "张伟", "委员", "是"),
                List.of("", "没有案由。", "建议……", "刘芳", "委员", "是")));
        open("/office/import");
        browser.findElement(By.id("file")).sendKeys(sheet.toString());
        check("office-import");
        click("start-import");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(text("import-done")).isEqualTo("已登记 1 件，未导入 1 件，共 2 行。");
        assertThat(browser.findElement(By.id("refused-rows")).getText()).contains("案由：必须填写");
        assertThat(browser.findElement(By.id("import-bar")).getAttribute("style")).contains("width: 100%");
        check("office-import-report");
        Files.delete(sheet);

        // the unit accepts, consults the member face to face and replies with its letter
        login("edu1");
        open("/unit");
        check("unit-workbench");
        browser.findElement(By.cssSelector("a.queue-item[href='/proposals/" + id + "/units/edu/acceptance']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acceptance-form")));
        check("unit-acceptance");
        click("submit-acceptance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-form")));
        new Select(browser.findElement(By.id("method"))).selectByValue("FACE_TO_FACE");
        type("participants", "李华委员、陈静（区教育局）");
        type("summary", "到学校门口实地查看早晚高峰，逐条交换意见。");
        click("submit-consultation");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.consultation")));
        click("class-A");
        type("reply-text", "经研究，已在城区三所学校设置限时停车区，并增派交通协管员。");
        type("responsibleLeader", "周红");
        type("leaderPhone", "0755-1234567");
        browser.findElement(By.id("document")).sendKeys(pdf.toString());
        check("unit-handling");
        click("submit-reply");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier")));
        assertThat(text("flash-success")).isEqualTo("答复已提交单位负责人签发。");

        // the leader signs it off from the sign-off queue
        login("edu-lead");
        open("/unit");
        browser.findElement(By.cssSelector("a.queue-item[href='/proposals/" + id + "/units/edu/sign-off']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-off-form")));
        check("leader-sign-off");
        click("submit-sign-off");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier")));

        // the member rates the reply from the start page
        login("member1");
        check("member-home");
        browser.findElement(By.cssSelector("#my-tasks a[href='/proposals/" + id + "/units/edu/feedback']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feedback-form")));
        check("member-feedback");
        assertThat(browser.findElements(By.cssSelector("#feedback-form input[type=radio]")).stream()
                .filter(WebElement::isSelected)).as("nothing preselected (Rule 16)").isEmpty();
        click("rating-SATISFIED");
        click("f2f-yes");
        click("submit-feedback");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dossier")));
        assertThat(browser.findElement(By.cssSelector("#units .rating")).getText()).isEqualTo("满意");
        assertThat(browser.findElement(By.cssSelector(".proposal-text .status-badge")).getText()).isEqualTo("已办结");
        check("member-dossier-closed");
        checkInEnglish();
        browser.manage().window().setSize(new Dimension(390, 1600));
        open("/proposals/" + id);
        check("phone-dossier");

        // the auditor's dossier: the business events, the engine's detail behind its switch
        login("auditor1");
        open("/proposals/" + id);
        check("auditor-dossier");
        assertThat(browser.findElements(By.cssSelector("#timeline tr.history-entry.technical"))).isEmpty();
        click("technical-switch");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline tr.history-entry.technical")));

        assertThat(proposals.status(id)).isEqualTo("CLOSED");
        assertThat(missing).isEmpty();
        assertThat(foreign).isEmpty();
    }

    /**
     * The dashboard of the figures' dataset in the browser: Chart.js draws its charts from the data
     * attributes (the Content-Security-Policy refuses nothing), a figure and a bar of a chart lead
     * to lists of as many proposals, and it fits a phone; then the other new pages, photographed.
     */
    @Test
    void dashboardChartsAndFiguresLeadToTheirLists() {
        java.util.Map<String, Long> ids = FiguresDataset.ids(api, proposals);
        setClock(FiguresDataset.DASHBOARD_DAY);
        login("office1");
        click("nav-figures");
        click("nav-dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
        new Select(browser.findElement(By.id("session"))).selectByValue(FiguresDataset.SESSION);
        browser.findElement(By.cssSelector("#period-session button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("period-label"), "看板测试届次"));
        wait.until(ExpectedConditions.attributeToBe(By.id("category-chart"), "data-rendered", "1"));
        wait.until(ExpectedConditions.attributeToBe(By.id("unit-chart"), "data-rendered", "3"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return Chart.getChart(document.getElementById('unit-chart')).data.labels"))
                .isEqualTo(List.of("区教育局", "区住房和城乡建设局", "区交通运输局"));
        assertThat(js.executeScript("return Chart.getChart(document.getElementById('unit-chart')).data.datasets[2].data"))
                .isEqualTo(List.of(1L, 0L, 0L));
        check("dashboard");

        // a figure: the overdue reply, D3
        browser.findElement(By.cssSelector("a[data-figure='overdue']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-total")));
        assertThat(browser.findElement(By.id("list-total")).getAttribute("data-total")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#proposal-list tr.list-item")).get(0).getAttribute("data-id"))
                .isEqualTo(String.valueOf(ids.get("D3")));
        check("dashboard-overdue-list");
        browser.navigate().back();
        wait.until(ExpectedConditions.attributeToBe(By.id("category-chart"), "data-rendered", "1"));

        // a bar: 城市交通 in the chart by category, clicked where Chart.js drew it
        WebElement chart = browser.findElement(By.id("category-chart"));
        js.executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> bar = (List<Number>) js.executeScript("var c = Chart.getChart(arguments[0]);"
                + " var i = c.data.labels.indexOf('城市交通'); var e = c.getDatasetMeta(0).data[i];"
                + " return [(e.x + e.base) / 2, e.y, arguments[0].clientWidth, arguments[0].clientHeight];", chart);
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(chart, (int) (bar.get(0).doubleValue() - bar.get(2).doubleValue() / 2),
                        (int) (bar.get(1).doubleValue() - bar.get(3).doubleValue() / 2))
                .click().perform();
        wait.until(ExpectedConditions.urlContains("category="));
        assertThat(browser.findElement(By.id("list-total")).getAttribute("data-total")).isEqualTo("1");
        assertThat(browser.findElement(By.id("list-filters")).getText()).contains("类别：城市交通", "已交办");

        // a phone: one column, nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 1600));
        open("/dashboard?session=" + FiguresDataset.SESSION);
        wait.until(ExpectedConditions.attributeToBe(By.id("unit-chart"), "data-rendered", "3"));
        assertThat((Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).isLessThanOrEqualTo(0L);
        check("phone-dashboard");
        browser.manage().window().setSize(new Dimension(1280, 1400));
        open("/dashboard?session=" + FiguresDataset.SESSION);
        wait.until(ExpectedConditions.attributeToBe(By.id("category-chart"), "data-rendered", "1"));
        checkInEnglish();

        open("/reports?session=" + FiguresDataset.SESSION);
        check("reports");
        open("/office/notifications");
        check("notifications");
        login("admin");
        open("/admin/users");
        check("admin-users");
        open("/admin/calendar?year=2026");
        check("admin-calendar");
        open("/admin/mail-templates/REPLY_SENT");
        check("admin-mail-template");
        browser.manage().deleteAllCookies();
        open("/published");
        check("published");

        List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused"))
                .toList();
        assertThat(refused).isEmpty();
        assertThat(missing).isEmpty();
        assertThat(foreign).isEmpty();
    }

    void login(String user) {
        browser.manage().deleteAllCookies();
        open("/login");
        type("username", user);
        type("password", cn.cppcc.proposals.support.Api.PASSWORD);
        click("login-submit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-user")));
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        WebElement element = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", element);
        element.click();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** No ??key?? in the page, and a screenshot of it. */
    void check(String name) {
        String source = browser.getPageSource();
        Matcher keys = PageSession.MISSING_KEY.matcher(source);
        while (keys.find()) {
            missing.add(name + ": " + keys.group());
        }
        // the Chinese pages of the people who work the proposals (administrators manage ids and codes)
        if (!name.equals("english") && !name.startsWith("admin")) {
            ForeignText.in(browser.findElement(By.tagName("body")).getText()).forEach(f -> foreign.add(name + ": " + f));
        }
        // the whole page: the window as high as the page for the moment of the screenshot
        Dimension size = browser.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 150, 5000)));
        try {
            Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /** The same page in English, checked and photographed, then back to Chinese. */
    void checkInEnglish() {
        String url = browser.getCurrentUrl();
        String separator = url.contains("?") ? "&" : "?";
        browser.get(url + separator + "lang=en");
        check("english");
        browser.get(url + separator + "lang=zh_CN");
    }
}
