package cn.cppcc.proposals.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI in headless Chromium under its Content-Security-Policy: a visitor is sent to the
 * pages' login and back, and the API's areas appear with nothing refused. H2 execution only, as the
 * pages' browser test; the screenshot is target/screenshots/swagger-ui.png.
 */
class ApiDocsBrowserIntegrationTest extends IntegrationTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver browser;
    Path profile;

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
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void swaggerUiRendersAfterThePagesLogin() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("office1");
        browser.findElement(By.id("password")).sendKeys(cn.cppcc.proposals.support.Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui"), "审查与交办"));
        String page = browser.findElement(By.cssSelector(".swagger-ui")).getText();
        assertThat(page).contains("政协提案办理系统 API", "承办与答复", "统计报表", "/api/proposals/{id}/review");
        assertThat(browser.findElements(By.cssSelector(".opblock-tag"))).hasSizeGreaterThanOrEqualTo(10);

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(screenshots.resolve("swagger-ui.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused"))
                .toList();
        assertThat(refused).isEmpty();
    }
}
