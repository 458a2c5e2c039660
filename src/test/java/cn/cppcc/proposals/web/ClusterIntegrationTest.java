package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.cppcc.proposals.ProposalsApplication;
import cn.cppcc.proposals.support.Api;
import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.Proposals;
import cn.cppcc.proposals.support.TestDatabase;
import cn.cppcc.proposals.web.PageSession.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Issue 16: two nodes of the application, each with its own job executor, on one PostgreSQL (the
 * way a committee runs it, behind a load balancer). Requests alternate between node A and node B;
 * whatever one node does, the other sees at once: the search index, the calendar, a page session,
 * a paper import's progress; timers fire once whichever node runs them, the nightly verification
 * runs on one node; and while the database is down both nodes answer 503, then recover.
 * <p>
 * Runs in a JVM of its own (failsafe execution integration-cluster): both nodes register their
 * engine under the name "default" in the engine's static registry, as each node of a real cluster
 * does in its own JVM.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTest {

    static final Duration CATCH_UP = Duration.ofSeconds(5);

    static Path dataDirectory;
    static int databasePort;
    static EmbeddedPostgres postgres;
    static GreenMail smtp;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Api a;
    static Api b;
    static int portA;
    static int portB;
    static ListAppender<ILoggingEvent> verificationLog = new ListAppender<>();

    @BeforeAll
    static void startCluster() throws Exception {
        dataDirectory = Files.createTempDirectory("cluster-pg");
        databasePort = freePort();
        postgres = startPostgres();
        TestDatabase.createUsers(postgres.getPostgresDatabase());
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // one after the other, as a rolling start does: A migrates and deploys, B finds it done
        nodeA = node();
        nodeB = node();
        portA = port(nodeA);
        portB = port(nodeB);
        ObjectMapper json = nodeA.getBean(ObjectMapper.class);
        a = new Api(portA, json);
        b = new Api(portB, json);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        ((Logger) LoggerFactory.getLogger("cn.cppcc.proposals.audit.AuditVerification")).detachAppender(verificationLog);
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
    }

    static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(ProposalsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(databasePort),
                "--spring.datasource.username=" + TestDatabase.APPLICATION,
                "--spring.datasource.password=" + TestDatabase.APPLICATION,
                "--spring.flyway.user=" + TestDatabase.OWNER,
                "--spring.flyway.password=" + TestDatabase.OWNER,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--proposals.clock-control=true",
                // every 2 s on each node: the cluster lock lets one of them verify, once
                "--proposals.audit.verify-cron=*/2 * * * * *");
    }

    static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(databasePort).setRegisterShutdownHook(false).start();
    }

    @Test
    @Order(1)
    void aProposalSubmittedOnAIsFoundSimilarAndInSearchOnB() {
        long first = new Proposals(a).submit("member1", Proposals.submission("关于在老旧小区加装电梯并设立维保基金的建议"));
        long second = new Proposals(a).submit("member2", Proposals.submission("关于老旧小区加装电梯维保基金的建议"));

        JsonNode similar = within(CATCH_UP, () -> b.get("office1", "/api/proposals/" + second + "/similar").body(),
                found -> ids(found).contains(first));
        assertThat(ids(similar)).contains(first);
        JsonNode searched = within(CATCH_UP, () -> b.get("office1", "/api/search?q=维保基金").body().get("items"),
                found -> ids(found).containsAll(List.of(first, second)));
        assertThat(ids(searched)).contains(first, second);
    }

    @Test
    @Order(2)
    void aHolidayAddedOnAMovesTheDeadlinesThatBComputes() {
        a.put("admin", "/api/admin/clock", Map.of("now", "2027-03-01T02:00:00Z")); // a Monday
        assertThat(new Proposals(b).dossier(new Proposals(b).submitted()).get("reviewDue").asText()).isEqualTo("2027-03-22");

        Answer changed = a.put("admin", "/api/calendar/2027", Map.of("days", List.of(
                Map.of("day", "2027-03-10", "kind", "OFF", "holiday", "测试假日"))));
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);

        Proposals onB = new Proposals(b);
        long submittedOnB = onB.submitted();
        assertThat(onB.dossier(submittedOnB).get("reviewDue").asText()).isEqualTo("2027-03-23");
        assertThat(b.get("member1", "/api/calendar/2027").body().get("days").findValuesAsText("day")).contains("2027-03-10");
    }

    @Test
    @Order(3)
    void eachReminderIsMailedOnceThoughBothNodesRunTheJobs() throws Exception {
        a.put("admin", "/api/admin/clock", Map.of("now", "2027-03-01T02:00:00Z"));
        long id = new Proposals(a).submit("member3", Proposals.submission("关于规范城区夜间施工噪声管理的建议"));
        smtp.purgeEmailFromAllMailboxes();

        // past the review deadline (2027-03-23 with the test holiday): the overdue timer fires on a node
        b.put("admin", "/api/admin/clock", Map.of("now", "2027-03-24T01:00:00Z"));
        List<JsonNode> overdue = within(Duration.ofSeconds(60), () -> notifications(id, "REVIEW_OVERDUE"),
                found -> !found.isEmpty() && found.stream().allMatch(n -> n.get("state").asText().equals("SENT")));
        assertThat(overdue).isNotEmpty().allMatch(n -> n.get("state").asText().equals("SENT"));
        Thread.sleep(3000); // a second delivery, if there were one, would have arrived by now
        MimeMessage[] received = smtp.getReceivedMessages();
        for (JsonNode notification : overdue) {
            long copies = Arrays.stream(received).filter(m -> recipient(m).equals(notification.get("email").asText())
                    && subject(m).equals(notification.get("subject").asText())).count();
            assertThat(copies).as("mails of %s", notification).isOne();
        }
        assertThat(notifications(id, "REVIEW_OVERDUE")).hasSameSizeAs(overdue);
        a.delete("admin", "/api/admin/clock");
    }

    @Test
    @Order(4)
    void aPageSessionStartedOnAIsValidOnB() {
        PageSession browser = new PageSession(portA);
        Page home = browser.login("office1");
        assertThat(home.status()).isEqualTo(200);
        // the same cookie, sent to the other node (cookies do not depend on the port)
        Page onB = browser.get("http://localhost:" + portB + "/office");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.path()).isEqualTo("/office");
        assertThat(onB.body()).doesNotContain("name=\"password\"");
    }

    @Test
    @Order(5)
    void anImportStartedOnAShowsItsProgressOnB() throws Exception {
        byte[] sheet = PagesIntegrationTest.sheet(
                List.of("案由", "案据", "办法", "提案人", "提案者类型", "联名人", "建议类别", "同意公开"),
                List.of("关于增加城区公共充电桩的建议", "充电桩不足。", "建议在停车场加装充电桩。", "李华", "委员", "", "城市交通", "是"),
                List.of("关于加强校园食品安全监管的建议", "校园食堂监管薄弱。", "建议实行明厨亮灶。", "李华", "委员", "", "", "是"),
                List.of("", "没有案由的一行。", "建议……", "李华", "委员", "", "", "是"));
        PageSession office = new PageSession(portA);
        office.login("office1");
        office.get("/office/import");
        Page started = office.postMultipart("/office/import", Map.of(), Map.of("file", Map.entry("纸质提案.xlsx", sheet)));
        assertThat(started.path()).startsWith("/office/import/");

        String statusOnB = "http://localhost:" + portB + started.path() + "/status";
        Page progress = within(Duration.ofSeconds(60), () -> office.get(statusOnB), page -> page.body().contains("\"done\":true"));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("\"total\":3", "\"processed\":3", "\"registered\":2", "\"refused\":1");
        assertThat(office.get("http://localhost:" + portB + started.path()).body()).contains("已登记 2 件，未导入 1 件，共 3 行");
    }

    @Test
    @Order(6)
    void theScheduledVerificationRunsOnOneNodeOnly() throws Exception {
        // (after the nodes started: each start resets the logging)
        Logger verification = (Logger) LoggerFactory.getLogger("cn.cppcc.proposals.audit.AuditVerification");
        verification.setLevel(ch.qos.logback.classic.Level.INFO);
        verificationLog.start();
        verification.addAppender(verificationLog);
        // as on the next night: the verification is due again, and both nodes' schedules fire every 2 s
        asOwner().update("update cluster_locks set locked_until = timestamp with time zone '2000-01-01 00:00:00+00'"
                + " where name = 'audit-verification'");
        Thread.sleep(6000);
        List<String> runs = verificationLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Audit trail")).toList();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).startsWith("Audit trail verified");
    }

    @Test
    @Order(7)
    void whileTheDatabaseIsDownBothNodesAnswer503AndAfterwardsAllIsAsBefore() throws Exception {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> missingRetryAfter = Collections.synchronizedList(new ArrayList<>());
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            Api api = client % 2 == 0 ? a : b;
            boolean writes = client < 2;
            load.add(clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    Answer answer;
                    try {
                        answer = writes
                                ? api.post("member1", "/api/proposals", Proposals.submission("关于断库期间第" + n++ + "件提案的建议"))
                                : api.get("office1", "/api/tasks");
                    } catch (RuntimeException e) {
                        statuses.add(-1); // no answer at all
                        continue;
                    }
                    statuses.add(answer.status());
                    if (answer.status() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
                        missingRetryAfter.add(String.valueOf(answer.body()));
                    }
                    if (writes && answer.status() == 201) {
                        acknowledged.add(answer.id());
                    }
                }
            }));
        }
        Thread.sleep(1500);
        postgres.close(); // stops the server; the data directory stays
        Thread.sleep(5000);
        postgres = startPostgres();
        Thread.sleep(3000);
        running.set(false);
        for (Future<?> client : load) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(statuses).as("answers during the outage").contains(503).allMatch(s -> s == 200 || s == 201 || s == 503);
        assertThat(missingRetryAfter).isEmpty();
        // afterwards, both nodes answer normally
        for (Api api : List.of(a, b)) {
            Answer tasks = within(Duration.ofSeconds(30), () -> api.get("office1", "/api/tasks"), answer -> answer.status() == 200);
            assertThat(tasks.status()).isEqualTo(200);
            assertThat(api.get("office1", "/actuator/health/readiness").status()).isEqualTo(200);
        }
        // nothing acknowledged is lost and nothing is half done: every proposal has its process
        JdbcTemplate sql = database(TestDatabase.APPLICATION);
        for (long id : acknowledged) {
            assertThat(new Proposals(a).status(id)).isEqualTo("UNDER_REVIEW");
        }
        assertThat(sql.queryForObject("""
                select count(*) from proposals p where p.title like '关于断库期间%'
                and not exists (select 1 from act_hi_procinst i where i.business_key_ = cast(p.id as varchar))""",
                Long.class)).isZero();
        assertThat(sql.queryForObject("""
                select count(*) from act_hi_procinst i where i.proc_def_key_ = 'ProposalHandlingProcess'
                and not exists (select 1 from proposals p where cast(p.id as varchar) = i.business_key_)""",
                Long.class)).isZero();
    }

    List<JsonNode> notifications(long id, String event) {
        List<JsonNode> found = new ArrayList<>();
        a.get("office1", "/api/notifications?size=200&proposal=" + id + "&event=" + event).body().get("items").forEach(found::add);
        return found;
    }

    static <T> T within(Duration time, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long until = System.nanoTime() + time.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }

    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SQL as a database user of the application (the project's tables' owner, or the engine's). */
    static JdbcTemplate database(String user) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.url(databasePort), user, user));
    }

    static JdbcTemplate asOwner() {
        return database(TestDatabase.OWNER);
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
