package cn.cppcc.proposals.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.web.PageSession.Page;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The administrators' pages: mail templates, the working-day calendar and users, each through the
 * services of the API with their messages next to the fields.
 */
class AdminPagesIntegrationTest extends PagesTestSupport {

    @Test
    void mailTemplateIsEditedWithItsMessagesNextToTheFields() {
        PageSession admin = as("admin");
        Page list = admin.get("/admin/mail-templates");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.missingKeys()).isEmpty();
        assertThat(list.body()).contains("邮件模板", "href=\"/admin/mail-templates/WITHDRAWAL_DECIDED\"", "撤回审批结果");
        JsonNode original = template("WITHDRAWAL_DECIDED");
        try {
            Page form = admin.get("/admin/mail-templates/WITHDRAWAL_DECIDED");
            assertThat(form.body()).contains("{recipientName}", "{title}").contains(escape(original.get("subject").asText()));
            Page empty = admin.post("/admin/mail-templates/WITHDRAWAL_DECIDED", Map.of("subject", " ", "body", "正文"));
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.body()).contains("data-field=\"subject\">必须填写").contains(">正文</textarea>");
            Page unknown = admin.post("/admin/mail-templates/WITHDRAWAL_DECIDED",
                    Map.of("subject", "撤回：{title}", "body", "{recipientName}：{nope}"));
            assertThat(unknown.body()).contains("data-field=\"body\">未知的占位符：{nope}");
            Page saved = admin.post("/admin/mail-templates/WITHDRAWAL_DECIDED",
                    Map.of("subject", "撤回申请已有结果：{title}", "body", "{recipientName}：\n您的撤回申请已有结果：{decision}。\n{link}"));
            assertThat(saved.path()).isEqualTo("/admin/mail-templates");
            assertThat(saved.body()).contains("邮件模板已保存。", "撤回申请已有结果：{title}", "修改人 系统管理员");
            assertThat(template("WITHDRAWAL_DECIDED").get("subject").asText()).isEqualTo("撤回申请已有结果：{title}");
        } finally {
            api.put("admin", "/api/admin/mail-templates/WITHDRAWAL_DECIDED",
                    Map.of("subject", original.get("subject").asText(), "body", original.get("body").asText()));
        }
        assertThat(admin.get("/admin/mail-templates/NOPE").status()).isEqualTo(404);
        assertThat(admin.get("/admin/mail-templates?lang=en").body()).contains("Mail templates", "Withdrawal decided");
    }

    @Test
    void calendarShowsAYearAndMarksOneDay() {
        PageSession admin = as("admin");
        Page year = admin.get("/admin/calendar?year=2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.missingKeys()).isEmpty();
        assertThat(year.body()).contains("工作日历 2026", "data-day=\"2026-10-01\" data-kind=\"OFF\"",
                "data-day=\"2026-10-10\" data-kind=\"WORK\"", "data-day=\"2026-10-01\" title=\"国庆节\" class=\"day-OFF\"");
        assertThat(year.body().split("class=\"table table-sm table-bordered calendar-month").length - 1).isEqualTo(12);

        // 2099-03-02 is a Monday
        Page noName = admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "2099-03-02", "kind", "OFF", "holiday", ""));
        assertThat(noName.body()).contains("data-field=\"holiday\">必须填写", "value=\"2099-03-02\"");
        Page otherYear = admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "2098-03-02", "kind", "OFF", "holiday", "测试"));
        assertThat(otherYear.body()).contains("data-field=\"day\">不属于2099年");
        Page noDay = admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "", "kind", "WORK", "holiday", "测试"));
        assertThat(noDay.body()).contains("data-field=\"day\">必须填写日期");

        Page marked = admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "2099-03-02", "kind", "OFF",
                "holiday", "测试假日"));
        assertThat(marked.path()).isEqualTo("/admin/calendar?year=2099");
        assertThat(marked.body()).contains("日历已保存。", "data-day=\"2099-03-02\" data-kind=\"OFF\"", "测试假日");
        assertThat(api.get("office1", "/api/calendar/2099").body().get("days").findValuesAsText("day")).contains("2099-03-02");
        Page workday = admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "2099-03-07", "kind", "WORK",
                "holiday", "测试调休"));
        assertThat(workday.body()).contains("data-day=\"2099-03-07\" data-kind=\"WORK\"", "data-day=\"2099-03-02\" data-kind=\"OFF\"");
        admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "2099-03-02", "kind", "NORMAL"));
        Page back = admin.post("/admin/calendar/days", Map.of("year", "2099", "day", "2099-03-07", "kind", "NORMAL"));
        assertThat(back.body()).contains("该年没有设定节假日。");
        assertThat(api.get("office1", "/api/calendar/2099").body().get("days")).isEmpty();

        assertThat(admin.get("/admin/calendar?year=abc").body()).contains("data-field=\"year\">必须是整数");
        assertThat(admin.get("/admin/calendar?year=1999").body()).contains("data-field=\"year\">年份应在2000至2100之间");
    }

    @Test
    void usersAreCreatedChangedDisabledAndEnabled() {
        PageSession admin = as("admin");
        Page list = admin.get("/admin/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.missingKeys()).isEmpty();
        assertThat(list.body()).contains("data-user=\"office1\"", "proposal-office", "id=\"group-unit-edu\"");

        Page bad = admin.post("/admin/users", Map.of("id", "Bad Id", "name", "测试", "email", "no-at-sign",
                "password", "short", "groups", List.of("members")));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("data-field=\"email\">邮箱格式无效").contains("value=\"Bad Id\"");
        Page badId = admin.post("/admin/users", Map.of("id", "Bad Id", "name", "测试", "password", "long-enough-1",
                "groups", List.of("members")));
        assertThat(badId.body()).contains("data-field=\"id\">用户名只能是小写字母、数字和连字符，以字母开头");
        Page shortPassword = admin.post("/admin/users", Map.of("id", "page-user1", "name", "测试", "password", "short"));
        assertThat(shortPassword.body()).contains("data-field=\"password\">密码须为10至128个字符");
        Page taken = admin.post("/admin/users", Map.of("id", "office1", "name", "重名", "password", "long-enough-1"));
        assertThat(taken.body()).contains("data-field=\"id\">用户名已存在");
        Page noGroup = admin.post("/admin/users", Map.of("id", "page-user1", "name", "测试", "password", "long-enough-1",
                "groups", List.of("no-such-group")));
        assertThat(noGroup.body()).contains("data-field=\"groups\">没有该组：no-such-group");

        Page created = admin.post("/admin/users", Map.of("id", "page-user1", "name", "赵页面", "email", "page1@example.org",
                "password", "page-password-1", "groups", List.of("members")));
        assertThat(created.path()).isEqualTo("/admin/users/page-user1");
        assertThat(created.body()).contains("用户已创建。", "赵页面", "id=\"group-members\" value=\"members\" checked");
        assertThat(new PageSession(port).login("page-user1", "page-password-1").path()).isEqualTo("/");

        Page changed = admin.post("/admin/users/page-user1", Map.of("name", "赵页面改", "email", "page1@example.org",
                "groups", List.of("members", "auditors")));
        assertThat(changed.body()).contains("用户已保存。", "赵页面改");
        assertThat(api.get("admin", "/api/admin/users/page-user1").body().get("groups").toString())
                .contains("members", "auditors");
        assertThat(admin.post("/admin/users/page-user1", Map.of("name", "赵页面改", "email", "bad"))
                .body()).contains("data-field=\"email\">邮箱格式无效");
        assertThat(admin.post("/admin/users/page-user1/password", Map.of("password", "short")).body())
                .contains("data-field=\"password\">密码须为10至128个字符");

        Page disabled = admin.post("/admin/users/page-user1/disable", Map.of());
        assertThat(disabled.body()).contains("用户已停用。", "data-disabled=\"true\"", "已停用");
        assertThat(new PageSession(port).login("page-user1", "page-password-1").path()).isEqualTo("/login?error");
        assertThat(admin.get("/admin/users").body()).contains("data-user=\"page-user1\"");
        assertThat(admin.post("/admin/users/page-user1/enable", Map.of("password", "")).body())
                .contains("data-field=\"password\">必须填写");
        Page enabled = admin.post("/admin/users/page-user1/enable", Map.of("password", "page-password-2"));
        assertThat(enabled.body()).contains("用户已启用。", "data-disabled=\"false\"");
        assertThat(new PageSession(port).login("page-user1", "page-password-2").path()).isEqualTo("/");

        Page self = admin.post("/admin/users/admin/disable", Map.of());
        assertThat(self.body()).contains("id=\"flash-error\"", "不能停用自己");
        assertThat(admin.get("/admin/users/nobody-here").status()).isEqualTo(404);
        api.delete("admin", "/api/admin/users/page-user1");
    }

    @Test
    void onlyAdminsSeeTheAdminPages() {
        for (String user : List.of("office1", "member1", "auditor1", "edu-lead")) {
            PageSession session = as(user);
            for (String path : List.of("/admin/users", "/admin/calendar", "/admin/mail-templates")) {
                assertThat(session.get(path).status()).as("%s %s", user, path).isEqualTo(403);
            }
            assertThat(session.get("/").body()).doesNotContain("id=\"nav-admin\"");
        }
        PageSession office = as("office1");
        office.get("/");
        assertThat(office.post("/admin/calendar/days", Map.of("year", "2099", "day", "2099-03-02", "kind", "OFF",
                "holiday", "越权")).status()).isEqualTo(403);
        assertThat(api.get("office1", "/api/calendar/2099").body().get("days")).isEmpty();
        assertThat(anonymous().get("/admin/users").path()).isEqualTo("/login");
        assertThat(as("admin").get("/").body()).contains("id=\"nav-admin\"", "href=\"/admin/calendar\"");
    }

    JsonNode template(String event) {
        for (JsonNode template : api.get("admin", "/api/admin/mail-templates").body()) {
            if (template.get("event").asText().equals(event)) {
                return template;
            }
        }
        throw new AssertionError("no template " + event);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
