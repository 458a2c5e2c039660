package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cppcc.proposals.dossier.ListFiltersIntegrationTest;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
 * Rule 17 in headless Chromium, as the office works its plenary week: the batch review table (one
 * bad row fails alone, the bar shows the progress), the batch assignment with the suggested units,
 * the list's filters, sorting and export, and the printed lists. Screenshots in target/screenshots
 * (plenary-*.png). Runs in the H2 execution only, as the other browser tests.
 */
class PlenaryBrowserIntegrationTest extends IntegrationTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    Path profile;
    final List<String> missing = new ArrayList<>();

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
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1400", "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theOfficeFilesAndAssignsInBatchesThenFiltersExportsAndPrints() throws Exception {
        String tag = "全会" + System.nanoTime() % 100000;
        long first = proposals.submitted(tag + "一");
        long second = proposals.submitted(tag + "二");
        long returned = proposals.submitted(tag + "三");

        login("office1");
        open("/office");
        click("batch-review-link");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-table")));
        for (long id : List.of(first, second, returned)) {
            click("select-" + id);
        }
        new Select(field("category", first)).selectByVisibleText("城市交通");
        new Select(field("category", second)).selectByVisibleText("教科文卫");
        new Select(field("decision", returned)).selectByValue("RETURN"); // without the reason it needs
        assertThat(text("batch-selected")).isEqualTo("已选 3 件");
        check("plenary-batch-review");
        click("batch-submit");
        wait.until(ExpectedConditions.attributeToBe(By.id("batch-form"), "data-finished", "true"));
        assertThat(text("batch-bar")).isEqualTo("100%");
        assertThat(text("batch-counts")).isEqualTo("已办理 3/3 件：成功 2 件，未成功 1 件");
        assertThat(row(first).getAttribute("class")).contains("table-success");
        assertThat(row(returned).getAttribute("class")).contains("table-danger");
        assertThat(row(returned).findElement(By.className("batch-outcome")).getText()).contains("退回修改须说明理由");
        check("plenary-batch-review-done");
        assertThat(proposals.status(first)).isEqualTo("FILED");
        assertThat(proposals.status(returned)).isEqualTo("UNDER_REVIEW");

        open("/office/batch/assignment");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-table")));
        click("select-" + first);
        click("select-" + second);
        new Select(field("mode", second)).selectByValue("SINGLE");
        Select units = new Select(field("units", second));
        units.deselectAll();
        units.selectByValue("edu");
        new Select(field("lead", second)).selectByValue("");
        check("plenary-batch-assignment");
        click("batch-submit");
        wait.until(ExpectedConditions.attributeToBe(By.id("batch-form"), "data-finished", "true"));
        assertThat(text("batch-counts")).isEqualTo("已办理 2/2 件：成功 2 件，未成功 0 件");
        check("plenary-batch-assignment-done");
        assertThat(proposals.status(first)).isEqualTo("IN_HANDLING");
        assertThat(proposals.unit(second, "edu").get("role").asText()).isEqualTo("SINGLE");

        // the list: filtered by text and unit, sorted by number, exported as it stands
        open("/proposals");
        type("filter-q", tag);
        new Select(browser.findElement(By.id("filter-unit"))).selectByValue("edu");
        browser.findElement(By.cssSelector("#list-filter button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("unit=edu"));
        browser.findElement(By.cssSelector("a.sort-link[data-sort='number']")).click();
        wait.until(ExpectedConditions.urlContains("sort=number"));
        List<String> shown = browser.findElements(By.cssSelector("tr.list-item")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(shown).containsExactly(String.valueOf(first), String.valueOf(second));
        check("plenary-list");
        String export = browser.findElement(By.id("export-xlsx")).getAttribute("href");
        assertThat(export).contains("unit=edu").contains("sort=number");
        List<List<String>> rows = ListFiltersIntegrationTest.rows(download(export));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(2)).endsWith(tag + "一");
        assertThat(rows.get(2).get(2)).endsWith(tag + "二");

        open("/office/print");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dispatch-lists")));
        assertThat(browser.findElements(By.cssSelector(".dispatch-unit[data-unit='edu']"))).hasSize(1);
        check("plenary-print");
        open("/proposals/" + first + "/dispatch-notice");
        assertThat(text("dispatch-notice")).contains("提案交办通知").contains(tag + "一");
        check("plenary-dispatch-notice");

        List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused"))
                .toList();
        assertThat(refused).isEmpty();
        assertThat(missing).isEmpty();
    }

    WebElement row(long id) {
        return browser.findElement(By.cssSelector("tr.batch-row[data-id='" + id + "']"));
    }

    WebElement field(String name, long id) {
        return browser.findElement(By.name(name + "-" + id));
    }

    /** A file the page links to, fetched with the browser's session. */
    byte[] download(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("SESSION");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "SESSION=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
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
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", element);
        element.click();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** No ??key?? in the page, and a screenshot of the whole of it. */
    void check(String name) {
        Matcher keys = PageSession.MISSING_KEY.matcher(browser.getPageSource());
        while (keys.find()) {
            missing.add(name + ": " + keys.group());
        }
        Dimension size = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 150, 5000)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            browser.manage().window().setSize(size);
        }
    }
}
