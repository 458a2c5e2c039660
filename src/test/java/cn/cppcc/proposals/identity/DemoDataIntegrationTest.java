package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The demo of API.md: its units, users, groups and session, created again without duplicates. */
class DemoDataIntegrationTest extends IntegrationTestSupport {

    @Autowired
    IdentityService identityService;
    @Autowired
    DemoData demoData;
    @Autowired
    BaseGroups baseGroups;

    @Test
    void demoUsersLogInAndBelongToTheirGroups() {
        assertThat(identityService.checkPassword("office1", "demo")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("members").list())
                .extracting(u -> u.getId()).contains("member1", "member2", "member3");
        assertThat(identityService.createUserQuery().memberOfGroup("unit-edu-leaders").singleResult().getId()).isEqualTo("edu-lead");
        assertThat(identityService.createUserQuery().userId("member1").singleResult().getEmail()).isEqualTo("member1@example.org");
        assertThat(api.get("admin", "/api/units").body().findValuesAsText("code")).contains("edu", "transport", "housing");
        assertThat(api.get("member1", "/api/sessions").body().findValuesAsText("code")).contains("10-6");
        assertThat(api.get("member1", "/api/categories").body().findValuesAsText("name")).contains("教科文卫");
    }

    @Test
    void runningAgainCreatesNoDuplicates() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        long units = jdbc.sql("select count(*) from units").query(Long.class).single();
        long sessions = jdbc.sql("select count(*) from sessions").query(Long.class).single();
        long filters = jdbc.sql("select count(*) from ACT_RU_FILTER").query(Long.class).single();

        baseGroups.run(new DefaultApplicationArguments());
        demoData.run(new DefaultApplicationArguments());

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(jdbc.sql("select count(*) from units").query(Long.class).single()).isEqualTo(units);
        assertThat(jdbc.sql("select count(*) from sessions").query(Long.class).single()).isEqualTo(sessions);
        assertThat(jdbc.sql("select count(*) from ACT_RU_FILTER").query(Long.class).single()).isEqualTo(filters);
    }
}
