package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cppcc.proposals.support.Api;
import cn.cppcc.proposals.support.ForeignText;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * One proposal's whole life in Camunda Tasklist alone, in headless Chromium, as the demo users:
 * the member starts it from the start form, the office files it (after one refused attempt) and
 * assigns it, the unit accepts, consults and replies, the leader signs off, the member rates.
 * Only Tasklist's own pages and the Camunda Forms are used; the engine's TaskService only tells
 * the test which task to open, and the API checks the result. Screenshots go to
 * target/tasklist-screenshots (with each page's text beside them, to read for English or codes).
 * <p>
 * Unlike PagesBrowserIntegrationTest it runs on PostgreSQL too: the forms are submitted to the
 * engine, whose steps (and their refusals, rolled back) go to the database.
 */
class TasklistBrowserIntegrationTest extends IntegrationTestSupport {

    static final Path CHROMIUM = PagesBrowserIntegrationTest.CHROMIUM;
    static final Path CHROMEDRIVER = PagesBrowserIntegrationTest.CHROMEDRIVER;
    static final Path SCREENSHOTS = Path.of("target", "tasklist-screenshots");
    static final String TITLE = "关于在学校周边设置限时停车区的建议（Tasklist）";

    /** Tasklist's header link; visible once logged in. */
    static final By START_PROCESS = By.xpath("//a[normalize-space(.)='启动流程']");
    /** The task's own button; "取消认领" (unclaim) also contains 认领, hence the exact text. */
    static final By CLAIM = By.xpath("//*[self::button or self::a][normalize-space(.)='认领']");
    static final By COMPLETE = By.xpath("//button[normalize-space(.)='完成']");
    /** Tasklist's messages, at the bottom right of the page (the page has other, hidden alerts). */
    static final By ERROR = By.cssSelector(".page-notifications .alert-danger");

    @LocalServerPort
    int port;

    String tasklist;
    WebDriver browser;
    WebDriverWait wait;
    Path profile;
    String loggedIn;
    int shot;
    final List<String> foreign = new ArrayList<>();

    /** The page at the moment of a failure, photographed and saved before the browser closes. */
    @RegisterExtension
    final TestExecutionExceptionHandler photographFailure = (context, failure) -> {
        if (browser != null) {
            shot("failed");
            Files.writeString(SCREENSHOTS.resolve(String.format("%02d-failed.html", shot)), browser.getPageSource());
        }
        throw failure;
    };

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as PagesBrowserIntegrationTest; a tall window, as Tasklist scrolls its task pane inside the page
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,2000", "--lang=zh-CN");
        // Tasklist picks its language from navigator.languages, which --lang does not set in headless mode
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // the network, to see the status of Tasklist's own requests (the refused submit-form)
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // generous: the machine is shared, and Tasklist loads its forms in several requests
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
        // this run's pictures only: an earlier run's "failed" would mislead
        FileSystemUtils.deleteRecursively(SCREENSHOTS);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void aProposalFromStartFormToRatingInTasklist() {
        // 1. the member starts the process from Tasklist's start form
        long before = jdbc.sql("select coalesce(max(id), 0) from proposals").query(Long.class).single();
        login("member1");
        click(START_PROCESS);
        click(By.xpath("//*[contains(@class,'modal-body')]//*[normalize-space(text())='提案办理']"));
        fill("案由", TITLE);
        choose("委员个人");
        choose("城市交通");
        fill("案据", "上下学时段学校周边道路拥堵，家长临时停车占道，学生过街存在安全隐患。");
        fill("办法", "设置限时停车区，错峰放学，增加交通协管员。");
        choose("同意公开本提案及其答复");
        shot("member-start-form");
        click(By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='开始']"));
        long id = wait.until(d -> jdbc.sql("select id from proposals where title = ? and id > ?")
                .params(TITLE, before).query(Long.class).optional().orElse(null));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        shot("member-started");

        // 2. the office files it. The member's suggested category is preselected, as on the pages.
        String review = openTask("office1", id, "Task_ReviewProposal");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("the banner about migrating to Camunda 8 is not for committee staff").isTrue();
        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getDescription())
                .as("the task says which proposal it is").contains(TITLE);
        // the form checks itself what it can, in Chinese, before anything is sent: the decision
        networkStatuses();   // forget the requests so far
        click(COMPLETE);
        WebElement required = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error li")));
        wait.until(d -> required.getText().equals("必须填写"));
        shot("office-review-required");
        assertThat(networkStatuses()).doesNotContainKey("/task/" + review + "/submit-form");
        // Tasklist adds its own message (提交任务表单时出错), over the 完成 button until closed
        closeMessage();
        choose("立案");
        assertThat(option("城市交通").isSelected()).isTrue();
        // what only the server can check comes back as a readable 4xx, without the engine's wrapper
        choose("立案");
        choose("列为重点提案");
        fill("督办领导", "没有这个人");
        click(COMPLETE);
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(ERROR));
        shot("office-review-refused");
        assertThat(refusal.getText()).contains("督办领导：没有该督办领导").doesNotContain("ENGINE-", "supervisor", "TaskListener");
        assertThat(bodyText()).doesNotContain("ENGINE-");
        assertThat(networkStatuses()).containsEntry("/task/" + review + "/submit-form", 400);
        assertThat(taskService.createTaskQuery().taskId(review).count()).as("the refused task is still open").isEqualTo(1);
        // the message stays until closed, and lies over the 完成 button
        closeMessage();
        fill("督办领导", "郑国庆");   // by name, as the form lists them
        complete("office-review", review);

        // 3. the office assigns it: the form opens with the decision table's units, by name; the
        // office gives it to the education bureau alone
        String assignment = openTask("office1", id, "Task_AssignProposal");
        assertThat(value("承办单位")).contains("区交通运输局");
        choose("单独承办");
        fill("承办单位", "区教育局");
        complete("office-assign", assignment);

        // 4. the unit accepts
        String acceptance = openTask("edu1", id, "Task_AcceptAssignment");
        choose("签收");
        complete("unit-accept", acceptance);

        // 5. the unit records a face-to-face consultation, then (the same step again) replies
        String consultation = openTask("edu1", id, "Task_DraftReply");
        choose("记录一次协商");
        choose("见面协商");
        date(Proposals.today());
        fill("参加人员", "李华委员、区教育局经办人");
        fill("协商情况", "当面逐条交换意见，到学校门口实地查看上下学时段的交通。");
        complete("unit-consultation", consultation);
        String reply = openTask("edu1", id, "Task_DraftReply");
        choose("提交答复报负责人签发");
        choose("A 已解决或采纳");
        fill("答复内容", "经研究，已在学校周边设置限时停车区，并增派交通协管员。");
        complete("unit-reply", reply);

        // 6. the leader signs it off
        String signOff = openTask("edu-lead", id, "Task_SignOffReply");
        choose("签发");
        complete("leader-sign-off", signOff);

        // 7. the member rates the reply; nothing is preselected (Rule 16: the answers feed published figures)
        String rating = openTask("member1", id, "Task_RateReply");
        assertThat(browser.findElements(By.cssSelector(".fjs-form input[type=radio]")).stream().filter(WebElement::isSelected))
                .isEmpty();
        choose("满意");
        choose("是");
        complete("member-rate", rating);

        // what the API makes of it
        JsonNode dossier = api.get("office1", "/api/proposals/" + id).body();
        assertThat(dossier.get("status").asText()).isEqualTo("CLOSED");
        assertThat(dossier.get("category").asText()).isEqualTo("城市交通");
        assertThat(dossier.get("key").asBoolean()).isTrue();
        assertThat(dossier.get("supervisor").asText()).isEqualTo("chair1");
        assertThat(dossier.get("publicConsent").asBoolean()).isTrue();
        JsonNode edu = proposals.unit(id, "edu");
        assertThat(edu.get("consultations").findValuesAsText("method")).containsExactly("FACE_TO_FACE");
        assertThat(edu.get("consultations").get(0).get("date").asText()).isEqualTo(Proposals.today().toString());
        assertThat(edu.get("reply").get("classification").asText()).isEqualTo("A");
        assertThat(edu.get("reply").get("signedBy").asText()).isEqualTo("edu-lead");
        assertThat(edu.get("feedback").get("rating").asText()).isEqualTo("SATISFIED");
        assertThat(edu.get("feedback").get("faceToFace").asBoolean()).isTrue();

        // the audit trail has every step with its actor, and the refused review left no record
        Api.Answer events = api.get("auditor1", "/api/audit/events?size=200&proposal=" + id);
        assertThat(events.status()).isEqualTo(200);
        List<String> trail = new ArrayList<>();
        events.body().get("items").forEach(item -> trail.add(0, item.get("action").asText() + " " + item.get("actor").asText()));
        assertThat(trail).containsSubsequence("PROPOSAL_SUBMITTED member1", "PROPOSAL_REVIEWED office1",
                "PROPOSAL_ASSIGNED office1", "ASSIGNMENT_ACCEPTED edu1", "CONSULTATION_RECORDED edu1",
                "REPLY_DRAFTED edu1", "REPLY_SIGNED_OFF edu-lead", "REPLY_SENT edu-lead", "REPLY_RATED member1");
        assertThat(trail).anyMatch(line -> line.startsWith("PROPOSAL_CLOSED "));
        assertThat(trail).filteredOn(line -> line.startsWith("PROPOSAL_REVIEWED ")).hasSize(1);
        assertThat(foreign).isEmpty();
    }

    /** Logs in to Tasklist as {@code user}, after forgetting the previous user's session. */
    void login(String user) {
        if (user.equals(loggedIn)) {
            return;   // loading Tasklist again takes seconds on a busy machine
        }
        browser.manage().deleteAllCookies();
        // without a fragment this is a full load: the single-page app starts again, logged out
        browser.get(tasklist);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(Api.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(START_PROCESS));
        loggedIn = user;
    }

    /**
     * Opens the proposal's open task {@code taskKey} in Tasklist as {@code user}, claiming it when
     * nobody has yet (Tasklist then shows 认领, and the form only becomes editable once claimed).
     * The engine tells which task it is, as the task list of a busy test database is long.
     */
    String openTask(String user, long proposal, String taskKey) {
        Task task = wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(proposal))
                .taskDefinitionKey(taskKey).active().singleResult());
        login(user);
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        if (task.getAssignee() == null) {
            click(CLAIM);
            wait.until(d -> user.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
        }
        return task.getId();
    }

    /**
     * Chooses a radio option or ticks a checkbox of the form by its label's exact text: the field's
     * own label may contain the option's text (是否签收 contains 签收). Waits until the input is
     * shown and editable, as fields appear with the choices they depend on.
     */
    void choose(String label) {
        By labels = By.xpath("//*[contains(@class,'fjs-form')]//label[normalize-space(.)='" + label + "']");
        wait.until(d -> {
            for (WebElement candidate : d.findElements(labels)) {
                WebElement input = candidate.findElements(By.tagName("input")).stream().findFirst()
                        .orElseGet(() -> d.findElement(By.id(candidate.getAttribute("for"))));
                if (candidate.isDisplayed() && editable(input)) {
                    if (!input.isSelected()) {
                        scrollTo(input).click();
                    }
                    return input.isSelected();
                }
            }
            return false;
        });
    }

    /** Closes Tasklist's error message, which stays until closed and lies over the 完成 button. */
    void closeMessage() {
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(ERROR));
        assertThat(message.getText()).doesNotContain("ENGINE-");
        click(By.cssSelector(".page-notifications .alert-danger button.close:not(.ng-hide)"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(ERROR));
    }

    /** The radio option or checkbox of the form whose label is exactly {@code label}. */
    WebElement option(String label) {
        WebElement candidate = browser.findElement(By.xpath("//*[contains(@class,'fjs-form')]//label[normalize-space(.)='" + label + "']"));
        return candidate.findElements(By.tagName("input")).stream().findFirst()
                .orElseGet(() -> browser.findElement(By.id(candidate.getAttribute("for"))));
    }

    /** The value of the text field whose label starts with {@code label}. */
    String value(String label) {
        return wait.until(d -> d.findElements(By.xpath("//*[contains(@class,'fjs-form-field-textfield')]"
                + "[.//label[starts-with(normalize-space(.),'" + label + "')]]//input")).stream()
                .filter(WebElement::isDisplayed).map(f -> f.getAttribute("value")).filter(v -> v != null && !v.isEmpty())
                .findFirst().orElse(null));
    }

    /** Types into the text field or text area whose label starts with {@code label}. */
    void fill(String label, String text) {
        By fields = By.xpath("//*[contains(@class,'fjs-form-field-textfield') or contains(@class,'fjs-form-field-textarea')]"
                + "[.//label[starts-with(normalize-space(.),'" + label + "')]]//*[self::input or self::textarea]");
        wait.until(d -> {
            for (WebElement field : d.findElements(fields)) {
                if (field.isDisplayed() && editable(field)) {
                    scrollTo(field).clear();
                    field.sendKeys(text);
                    return text.equals(field.getAttribute("value"));
                }
            }
            return false;
        });
    }

    /**
     * Types a day into the form's date field and Enter to take it (and close its calendar). The
     * field reads the browser's own date format (M/d/yyyy in English, yyyy/M/d in Chinese), so
     * the day is typed as the browser itself writes it.
     */
    void date(LocalDate day) {
        WebElement field = wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(f -> f.isDisplayed() && editable(f)).findFirst().orElse(null));
        String typed = (String) ((JavascriptExecutor) browser).executeScript(
                "return new Intl.DateTimeFormat().format(new Date(arguments[0], arguments[1] - 1, arguments[2]))",
                day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        scrollTo(field).sendKeys(typed, Keys.ENTER);
        wait.until(d -> typed.equals(field.getAttribute("value")));
    }

    /**
     * Photographs the filled form, clicks 完成 and waits until the engine has completed the task
     * and Tasklist has closed it.
     */
    void complete(String name, String taskId) {
        shot(name);
        // issue 14: the form speaks Chinese prose: no codes, user ids, ISO times or engine texts
        browser.findElements(By.cssSelector(".fjs-form")).stream().findFirst().ifPresent(form -> {
            java.util.List<String> fields = new ArrayList<>();
            fields.add(form.getText());
            form.findElements(By.cssSelector("input[type=text], textarea")).forEach(f -> fields.add(f.getAttribute("value")));
            ForeignText.in(String.join("\n", fields)).forEach(f -> foreign.add(name + ": " + f));
        });
        click(COMPLETE);
        wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
        // Tasklist then closes the task's form (its "任务已完成" fades away too soon to wait for)
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
        shot(name + "-done");
    }

    void click(By by) {
        wait.until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            scrollTo(element).click();
            return true;
        });
    }

    WebElement scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", element);
        return element;
    }

    static boolean editable(WebElement input) {
        return input.isEnabled() && input.getAttribute("readonly") == null;
    }

    String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /**
     * The statuses of the engine requests answered since the last call, by path after the engine's
     * name (e.g. /task/{id}/submit-form), from Chromium's performance log.
     */
    Map<String, Integer> networkStatuses() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> statuses = new HashMap<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = json.readTree(entry.getMessage()).get("message");
                if (message.get("method").asText().equals("Network.responseReceived")) {
                    JsonNode response = message.get("params").get("response");
                    String url = response.get("url").asText();
                    int engine = url.indexOf("/engine/default/");
                    if (engine >= 0) {
                        statuses.put(url.substring(engine + "/engine/default".length()), response.get("status").asInt());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return statuses;
    }

    /** A screenshot of the window, and the page's text beside it. */
    void shot(String name) {
        String file = String.format("%02d-%s", ++shot, name);
        try {
            Files.write(SCREENSHOTS.resolve(file + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(file + ".txt"), bodyText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
