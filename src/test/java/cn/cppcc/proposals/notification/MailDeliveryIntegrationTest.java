package cn.cppcc.proposals.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.Proposals;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an SMTP server configured, notifications really go out: GreenMail is a real SMTP server in
 * the test JVM. A mail is sent by its own async job after the step commits; when the server is
 * down the step still completes, the job is retried by proposals.mail.retry-cycle and then raises
 * an incident, and resolving it sends the mail exactly once. This context also has clock control.
 */
class MailDeliveryIntegrationTest extends IntegrationTestSupport {

    static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static GreenMail smtp = started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getPort());
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        registry.add("proposals.clock-control", () -> "true");
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp = started();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Test
    void everyNotificationOfAProposalArrivesAsWrittenToItsRecipient() throws Exception {
        Map<String, Object> joint = Proposals.submission("关于增设学校周边人行天桥的建议");
        joint.put("proposerType", "JOINT");
        joint.put("coProposers", List.of("member2"));
        long id = proposals.submit("member1", joint);
        proposals.step("member2", "/api/proposals/" + id + "/co-proposers/member2/confirmation", Map.of("confirm", true));
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(id, "SINGLE", List.of("transport"), null);
        proposals.accept(id, "transport");
        proposals.replied(id, "transport", "A");

        // nothing is sent inside the step's transaction: the delivery jobs wait for the job executor
        assertThat(smtp.getReceivedMessages()).isEmpty();
        List<JsonNode> recorded = allNotifications(id);
        assertThat(recorded).extracting(n -> n.get("state").asText()).containsOnly("PENDING");
        runDueJobs(id);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSameSizeAs(recorded);
        assertThat(recorded).extracting(n -> n.get("event").asText()).contains("CO_PROPOSER_CONFIRMATION_REQUESTED",
                "PROPOSAL_FILED", "ASSIGNED_TO_UNIT", "SIGN_OFF_REQUESTED", "REPLY_SENT", "RATING_REQUESTED");
        for (JsonNode notification : recorded) {
            MimeMessage mail = Arrays.stream(received)
                    .filter(m -> recipient(m).equals(notification.get("email").asText()) && subject(m).equals(
                            notification.get("subject").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no mail for " + notification));
            assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
            assertThat(mail.getContent().toString().replace("\r\n", "\n")).isEqualTo(notification.get("body").asText());
            assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("提案办理系统");
            assertThat(mail.getContentType()).contains("charset=UTF-8");
        }
        assertThat(allNotifications(id)).extracting(n -> n.get("state").asText()).containsOnly("SENT");

        MimeMessage toProposer = Arrays.stream(received)
                .filter(m -> recipient(m).equals("member1@example.org") && subject(m).startsWith("提案答复：")).findFirst()
                .orElseThrow();
        assertThat(toProposer.getContent().toString()).contains("李华", "区交通运输局", "经研究，答复如下",
                "http://localhost:8080/proposals/" + id);
        MimeMessage toLeader = Arrays.stream(received).filter(m -> recipient(m).equals("transport-lead@example.org"))
                .findFirst().orElseThrow();
        assertThat(subject(toLeader)).contains("签发");
    }

    /**
     * Each of the events of NotificationEvent, brought about as in the handling of a year, mails
     * its own template to the people concerned, with every placeholder filled in.
     */
    @Test
    void everyEventMailsItsTemplateFilledInToThePeopleConcerned() throws Exception {
        setClock(Instant.parse("2027-05-03T02:00:00Z")); // a Monday, 10:00 in Beijing
        Map<String, Object> joint = Proposals.submission("关于增设学校周边人行天桥的建议");
        joint.put("proposerType", "JOINT");
        joint.put("coProposers", List.of("member2"));
        long handled = proposals.submit("member1", joint);
        proposals.step("member2", "/api/proposals/" + handled + "/co-proposers/member2/confirmation", Map.of("confirm", true));
        proposals.review(handled, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(handled, "SINGLE", List.of("transport"), null);
        proposals.accept(handled, "transport");
        proposals.replied(handled, "transport", "A");
        proposals.rate(handled, "transport", "member1", "DISSATISFIED");
        proposals.step("office1", "/api/proposals/" + handled + "/units/transport/coordination", Map.of("note", "请再次协商"));

        long returned = proposals.submitted();
        proposals.review(returned, Map.of("decision", "RETURN", "comment", "请补充调研数据"));
        long rejected = proposals.submitted();
        proposals.review(rejected, Map.of("decision", "REJECT", "rejectGround", "PERSONAL", "comment", "属于个人事务"));
        long converted = proposals.submitted();
        proposals.review(converted, Map.of("decision", "CONVERT", "convertTo", "edu", "comment", "属于具体工作建议"));
        long merged = proposals.submit("member3", Proposals.submission("关于校门口交通的建议"));
        proposals.review(merged, Map.of("decision", "MERGE", "mergeInto", handled));
        long objected = proposals.assigned("SINGLE", List.of("housing"), null);
        proposals.step("housing1", "/api/proposals/" + objected + "/units/housing/acceptance",
                Map.of("accept", false, "reason", "职责不符"));
        long withdrawn = proposals.handledBy("edu");
        proposals.step("member1", "/api/proposals/" + withdrawn + "/withdrawal", Map.of("reason", "问题已解决"));
        proposals.step("office1", "/api/proposals/" + withdrawn + "/withdrawal/approval", Map.of("approve", true));

        long key = proposals.submitted();
        proposals.review(key, Map.of("decision", "FILE", "category", "教科文卫", "key", true, "supervisor", "chair1"));
        proposals.assign(key, "SINGLE", List.of("edu"), null);
        proposals.accept(key, "edu");
        long coHandled = proposals.assigned("LEAD_AND_CO", List.of("transport", "edu"), "transport");
        proposals.accept(coHandled, "edu");
        long unreviewed = proposals.submitted();
        long followedUp = proposals.handledBy("housing");
        proposals.replied(followedUp, "housing", "B");
        proposals.rate(followedUp, "housing", "member1", "SATISFIED");
        List<Long> all = List.of(handled, returned, rejected, converted, merged, objected, withdrawn, key, coHandled,
                unreviewed, followedUp);
        all.forEach(this::runDueJobs);

        setClock(Instant.parse("2027-05-24T16:30:00Z")); // 15 working days: no meeting yet, no review yet
        runDueJobs(key);
        runDueJobs(unreviewed);
        setClock(Instant.parse("2027-06-03T16:30:00Z")); // the co-unit's opinion is late
        runDueJobs(coHandled);
        setClock(Instant.parse("2027-07-04T02:00:00Z")); // 30 days before the reply deadline
        runDueJobs(key);
        setClock(Instant.parse("2027-08-03T16:30:00Z")); // the reply is overdue
        runDueJobs(key);
        setClock(Instant.parse("2027-11-02T16:30:00Z")); // the B reply's committed date
        runDueJobs(followedUp);

        Map<NotificationEvent, List<String>> expected = new java.util.EnumMap<>(NotificationEvent.class);
        expected.put(NotificationEvent.CO_PROPOSER_CONFIRMATION_REQUESTED, List.of("member2"));
        expected.put(NotificationEvent.PROPOSAL_FILED, List.of("member1", "member2"));
        expected.put(NotificationEvent.RETURNED_FOR_REVISION, List.of("member1"));
        expected.put(NotificationEvent.NOT_FILED, List.of("member1"));
        expected.put(NotificationEvent.CONVERTED, List.of("member1"));
        expected.put(NotificationEvent.MERGED, List.of("member3"));
        expected.put(NotificationEvent.ASSIGNED_TO_UNIT, List.of("transport1"));
        expected.put(NotificationEvent.OBJECTION_RAISED, List.of("office1"));
        expected.put(NotificationEvent.SIGN_OFF_REQUESTED, List.of("transport-lead"));
        expected.put(NotificationEvent.REPLY_SENT, List.of("member1", "member2"));
        expected.put(NotificationEvent.RATING_REQUESTED, List.of("member1"));
        expected.put(NotificationEvent.RE_HANDLING_REQUESTED, List.of("office1"));
        expected.put(NotificationEvent.HANDLE_AGAIN, List.of("transport1"));
        expected.put(NotificationEvent.WITHDRAWAL_REQUESTED, List.of("office1"));
        expected.put(NotificationEvent.WITHDRAWAL_DECIDED, List.of("member1"));
        expected.put(NotificationEvent.SUPERVISION_REQUESTED, List.of("chair1"));
        expected.put(NotificationEvent.MEETING_REMINDER, List.of("edu1"));
        expected.put(NotificationEvent.REVIEW_OVERDUE, List.of("office1"));
        expected.put(NotificationEvent.OPINION_DUE_REMINDER, List.of("edu1", "transport1"));
        expected.put(NotificationEvent.REPLY_DUE_REMINDER, List.of("edu1"));
        expected.put(NotificationEvent.REPLY_OVERDUE, List.of("edu-lead", "office1", "chair1"));
        expected.put(NotificationEvent.FOLLOW_UP_DUE, List.of("office1"));
        // the broken audit chain is no proposal's event: AuditIntegrationTest breaks the chain and sees it notified
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(NotificationEvent.AUDIT_CHAIN_BROKEN)));

        List<MimeMessage> received = List.of(smtp.getReceivedMessages());
        Map<String, JsonNode> templates = new java.util.HashMap<>();
        api.get("admin", "/api/admin/mail-templates").body().forEach(t -> templates.put(t.get("event").asText(), t));
        for (var entry : expected.entrySet()) {
            JsonNode template = templates.get(entry.getKey().name());
            java.util.regex.Pattern subject = filledIn(template.get("subject").asText());
            java.util.regex.Pattern body = filledIn(template.get("body").asText());
            List<MimeMessage> mails = received.stream().filter(m -> subject.matcher(subject(m)).matches()).toList();
            assertThat(mails).as("mails of %s", entry.getKey()).extracting(m -> recipient(m))
                    .containsAll(entry.getValue().stream().map(user -> user + "@example.org").toList());
            for (MimeMessage mail : mails) {
                String text = mail.getContent().toString().replace("\r\n", "\n");
                assertThat(body.matcher(text).matches()).as("%s filled in:%n%s", entry.getKey(), text).isTrue();
            }
        }
        assertThat(allNotifications(handled)).extracting(n -> n.get("state").asText()).containsOnly("SENT");
    }

    /**
     * A template as a pattern that only a text with every placeholder replaced by something matches;
     * only {comment} may be empty (a decision without a comment).
     */
    private static java.util.regex.Pattern filledIn(String template) {
        java.util.regex.Matcher placeholder = MailTemplates.PLACEHOLDER.matcher(template.replace("\r\n", "\n"));
        StringBuilder pattern = new StringBuilder();
        int last = 0;
        String text = template.replace("\r\n", "\n");
        while (placeholder.find()) {
            pattern.append(java.util.regex.Pattern.quote(text.substring(last, placeholder.start()))).append(placeholder.group(1).equals("comment") ? "(.*?)" : "(.+?)");
            last = placeholder.end();
        }
        pattern.append(java.util.regex.Pattern.quote(text.substring(last)));
        return java.util.regex.Pattern.compile(pattern.toString(), java.util.regex.Pattern.DOTALL);
    }

    @Test
    void duringAnSmtpOutageStepsCompleteAndOnceItIsBackEveryMailArrivesExactlyOnce() throws Exception {
        smtp.stop();
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
        proposals.assign(id, "SINGLE", List.of("transport"), null);
        proposals.accept(id, "transport");
        proposals.replied(id, "transport", "A");
        assertThat(proposals.unit(id, "transport").get("status").asText()).isEqualTo("REPLIED");

        List<JsonNode> recorded = allNotifications(id);
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(4);
        for (Job job : deliveryJobs(id)) {
            attempt(job);
        }
        assertThat(allNotifications(id)).extracting(n -> n.get("state").asText()).containsOnly("FAILED");

        smtp = started();
        advanceClock(Duration.ofMinutes(5).plusSeconds(1));
        runDueJobs(id);
        advanceClock(Duration.ofHours(1));
        runDueJobs(id);

        List<String> received = Arrays.stream(smtp.getReceivedMessages()).map(m -> recipient(m) + " " + subject(m)).toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(
                recorded.stream().map(n -> n.get("email").asText() + " " + n.get("subject").asText()).toList());
        assertThat(allNotifications(id)).extracting(n -> n.get("state").asText()).containsOnly("SENT");
        assertThat(deliveryJobs(id)).isEmpty();
    }

    @Test
    void afterTheLastRetryAnIncidentShowsAndResolvingItSendsTheMailOnce() throws Exception {
        smtp.stop();
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "FILE", "category", "教科文卫"));
        assertThat(proposals.status(id)).isEqualTo("FILED");
        JsonNode filed = notifications(id, "PROPOSAL_FILED").get(0);
        Job job = deliveryJob(filed);

        int attempts = 0;
        while (true) {
            assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
            attempt(job);
            attempts++;
            job = managementService.createJobQuery().jobId(job.getId()).singleResult();
            if (job.getRetries() == 0) {
                break;
            }
            // the next attempt waits for the retry cycle's interval (PT5M)
            assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isZero();
            advanceClock(Duration.ofMinutes(5).plusSeconds(1));
        }
        assertThat(attempts).isEqualTo(5);
        JsonNode failed = notification(id, filed.get("id").asLong());
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("lastError").asText()).contains("MailSendException");
        Incident incident = runtimeService.createIncidentQuery()
                .configuration(job.getId()).singleResult();
        assertThat(incident).as("an incident in Cockpit").isNotNull();

        // the administrator restarts the mail server and retries the job in Cockpit
        smtp = started();
        managementService.setJobRetries(job.getId(), 1);
        attempt(job);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(recipient(smtp.getReceivedMessages()[0])).isEqualTo("member1@example.org");
        assertThat(subject(smtp.getReceivedMessages()[0])).isEqualTo(filed.get("subject").asText());
        JsonNode sent = notification(id, filed.get("id").asLong());
        assertThat(sent.get("state").asText()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(6);
        assertThat(runtimeService.createIncidentQuery().configuration(job.getId()).count()).isZero();
    }

    @Test
    void aMailTheServerAcceptedIsNeverSentAgain() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "RETURN", "comment", "请补充调研数据"));
        runDueJobs(id);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        long notificationId = notifications(id, "RETURNED_FOR_REVISION").get(0).get("id").asLong();

        // a delivery run again for it (say its job's commit was lost after the server accepted it)
        runtimeService.startProcessInstanceByKey(NotificationService.DELIVERY_PROCESS, String.valueOf(id),
                Map.of("notificationId", notificationId, "mailRetryCycle", "R5/PT5M"));
        runDueJobs(id);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(notification(id, notificationId).get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void usersWithoutAnAddressAreToldInTheApplicationOnly() {
        jdbc.sql("update act_id_user set email_ = null where id_ = 'member3'").update();
        try {
            long id = proposals.submit("member3", Proposals.submission("关于增加社区公共充电桩的建议"));
            proposals.review(id, Map.of("decision", "FILE", "category", "城市交通"));
            JsonNode filed = notifications(id, "PROPOSAL_FILED").get(0);
            assertThat(filed.get("state").asText()).isEqualTo("RECORDED");
            assertThat(filed.has("email")).isFalse();
            runDueJobs(id);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        } finally {
            jdbc.sql("update act_id_user set email_ = 'member3@example.org' where id_ = 'member3'").update();
        }
    }

    @Test
    void adminsMoveTheClockWhenClockControlIsOn() {
        assertProblem(api.put("office1", "/api/admin/clock", Map.of("now", "2027-06-01T01:00:00Z")), 403, null);
        assertProblem(api.put("admin", "/api/admin/clock", Map.of("now", "next monday")), 400, "now");

        var moved = api.put("admin", "/api/admin/clock", Map.of("now", "2027-06-01T01:00:00Z"));
        assertThat(moved.status()).isEqualTo(200);
        long id = proposals.submitted();
        assertThat(proposals.dossier(id).get("createdAt").asText()).startsWith("2027-06-01T01:00");

        assertThat(api.delete("admin", "/api/admin/clock").status()).isEqualTo(204);
        long later = proposals.submitted();
        assertThat(Instant.parse(proposals.dossier(later).get("createdAt").asText()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    }

    /** Runs a job as the job executor would: a failure is recorded on the job, not thrown at the caller. */
    private void attempt(Job job) {
        try {
            managementService.executeJob(job.getId());
        } catch (RuntimeException expectedWhileTheServerIsDown) {
            // the engine has counted the failure and set the next due date
        }
    }

    private List<Job> deliveryJobs(long proposalId) {
        java.util.Set<String> instances = new java.util.HashSet<>();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationService.DELIVERY_PROCESS)
                .processInstanceBusinessKey(String.valueOf(proposalId)).list().forEach(p -> instances.add(p.getId()));
        return instances.isEmpty() ? List.of() : managementService.createJobQuery().processInstanceIds(instances).list();
    }

    private Job deliveryJob(JsonNode notification) {
        String instance = jdbc.sql("select process_instance_id from notifications where id = ?")
                .param(notification.get("id").asLong()).query(String.class).single();
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    private List<JsonNode> allNotifications(long proposalId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get("office1", "/api/notifications?size=200&proposal=" + proposalId).body().get("items").forEach(found::add);
        return found;
    }

    private JsonNode notification(long proposalId, long id) {
        for (JsonNode item : allNotifications(proposalId)) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no notification " + id);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(SMTP);
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
