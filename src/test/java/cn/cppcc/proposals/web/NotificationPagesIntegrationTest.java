package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cppcc.proposals.web.PageSession.Page;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * The office's notifications page over the notifications the steps record (no SMTP server in the
 * tests: RECORDED), and a mail whose delivery fails, is retried and ends in an incident.
 */
class NotificationPagesIntegrationTest extends PagesTestSupport {

    @Test
    void officeFiltersTheNotificationsByStateEventAndProposal() {
        long id = proposals.filed("城市交通");
        PageSession office = as("office1");
        Page page = office.get("/office/notifications?proposal=" + id + "&event=PROPOSAL_FILED");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.missingKeys()).isEmpty();
        assertThat(page.body()).contains("通知记录", "未配置邮件服务器");
        long total = api.get("office1", "/api/notifications?proposal=" + id + "&event=PROPOSAL_FILED").get("total").asLong();
        assertThat(total).isPositive();
        assertThat(page.body()).contains("data-total=\"" + total + "\"");
        assertThat(text(page.body())).contains("仅记录 已立案 #" + id, "收件人 李华 <");
        assertThat(page.body()).contains("href=\"/proposals/" + id + "\"").doesNotContain("data-state=\"SENT\"");
        // the assignment's notification is another event
        proposals.assign(id, "SINGLE", java.util.List.of("edu"), null);
        Page assigned = office.get("/office/notifications?proposal=" + id + "&event=ASSIGNED_TO_UNIT&state=RECORDED");
        assertThat(text(assigned.body())).contains("交办承办单位 #" + id + " · 区教育局");
        assertThat(office.get("/office/notifications?proposal=" + id + "&state=SENT").body()).contains("data-total=\"0\"", "没有通知。");
        // the dossier leads to its notifications, the navigation to the page
        assertThat(office.get("/proposals/" + id).body()).contains("href=\"/office/notifications?proposal=" + id + "\"");
        assertThat(office.get("/").body()).contains("id=\"nav-notifications\"");
        assertThat(office.get("/office/notifications?lang=en&proposal=" + id).body()).contains("Notifications", "Filed", "Recorded");
    }

    @Test
    void badFiltersShowTheFieldsMessage() {
        Page page = as("office1").get("/office/notifications?state=LOST&event=NOPE&proposal=abc");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-field=\"state\">取值无效，可选：RECORDED、PENDING、SENT、FAILED",
                "data-field=\"event\">取值无效", "data-field=\"proposal\">必须是整数");
    }

    @Test
    void aFailedMailShowsItsErrorItsRetriesThenItsIncident() {
        long id = proposals.submitted();
        proposals.review(id, Map.of("decision", "RETURN", "comment", "请补充案据"));
        long notification = jdbc.sql("select max(id) from notifications where proposal_id = ? and event = 'RETURNED_FOR_REVISION'")
                .param(id).query(Long.class).single();
        // as if a mail server were configured: the delivery process of this notification, whose mail fails
        String instance = runtimeService.startProcessInstanceByKey("MailDeliveryProcess", String.valueOf(id),
                Map.of("notificationId", notification, "mailRetryCycle", "R2/PT5M")).getId();
        jdbc.sql("update notifications set state = 'PENDING', process_instance_id = ? where id = ?")
                .params(instance, notification).update();
        Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        jdbc.sql("update notifications set state = 'FAILED', attempts = 1, last_error = ? where id = ?")
                .params("MailConnectException: Couldn't connect to host, port: smtp.example.org, 25", notification).update();

        PageSession office = as("office1");
        Page failed = office.get("/office/notifications?state=FAILED&proposal=" + id);
        assertThat(failed.body()).contains("data-state=\"FAILED\"", "发送失败", "已尝试 1 次",
                "Couldn&#39;t connect to host", "自动重试，还剩 1 次",
                "href=\"/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime\"");
        assertThat(failed.body()).doesNotContain("class=\"incident\"");

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        Page incident = office.get("/office/notifications?state=FAILED&proposal=" + id);
        assertThat(incident.body()).contains("class=\"incident\"", "自动重试已用尽", "请系统管理员在 Cockpit 中点击“重试”重新发送")
                .doesNotContain("class=\"retrying\"");
        assertThat(as("auditor1").get("/office/notifications?state=FAILED&proposal=" + id).body()).contains("自动重试已用尽");
    }

    @Test
    void onlyTheOfficeAndAuditorsSeeIt() {
        assertThat(as("member1").get("/office/notifications").status()).isEqualTo(403);
        assertThat(as("edu1").get("/office/notifications").status()).isEqualTo(403);
        assertThat(as("admin").get("/office/notifications").status()).isEqualTo(403);
        assertThat(as("auditor1").get("/office/notifications").status()).isEqualTo(200);
        assertThat(anonymous().get("/office/notifications").path()).isEqualTo("/login");
    }
}
