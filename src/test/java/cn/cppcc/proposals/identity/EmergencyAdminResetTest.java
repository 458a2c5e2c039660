package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.ProposalsApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator's emergency reset as an operator runs it ({@code --proposals.emergency.reset-admin}
 * with ADMIN_PASSWORD): an application of its own on the production database, without a web
 * server, that prints what it did and exits.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmergencyAdminResetTest {

    static final String FIRST = "the-first-admin-password";
    static final String EMERGENCY = "an-emergency-password";

    @Test
    void unlocksTheAdministratorWithANewPasswordAndTheirGroups(CapturedOutput output) {
        try (var context = ProductionProfileTest.start("emergency", "prod", "proposals.admin.password=" + FIRST)) {
            IdentityService identity = context.getBean(IdentityService.class);
            EngineLocks.lock(context.getBean(ProcessEngineConfigurationImpl.class), "admin");
            identity.deleteMembership("admin", "camunda-admin");
            assertThat(identity.checkPassword("admin", FIRST)).as("locked").isFalse();
        }

        int before = output.getAll().length();
        assertThat(EmergencyAdminReset.run(ProposalsApplication.class,
                ProductionProfileTest.arguments("emergency", "prod", EmergencyAdminReset.FLAG, "ADMIN_PASSWORD=demo")))
                .isEqualTo(1);
        assertThat(output.getAll().substring(before)).contains("紧急重置管理员失败", "ADMIN_PASSWORD must be set");

        before = output.getAll().length();
        assertThat(EmergencyAdminReset.run(ProposalsApplication.class,
                ProductionProfileTest.arguments("emergency", "prod", EmergencyAdminReset.FLAG, "ADMIN_PASSWORD=" + EMERGENCY)))
                .isEqualTo(0);
        assertThat(output.getAll().substring(before)).contains("紧急重置管理员完成", "解除引擎的锁定", "camunda-admin")
                .doesNotContain("Tomcat started").doesNotContain(EMERGENCY);

        try (var context = ProductionProfileTest.start("emergency", "prod", "proposals.admin.password=" + EMERGENCY)) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", EMERGENCY)).isTrue();
            assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(g -> g.getId())
                    .contains("admins", "camunda-admin");
            String detail = context.getBean(JdbcTemplate.class).queryForObject("select detail from audit_events"
                    + " where action = 'IDENTITY_CHANGED' and subject = 'User:admin' and action_name like '%紧急重置%'",
                    String.class);
            assertThat(detail).contains("--proposals.emergency.reset-admin", "camunda-admin").doesNotContain(EMERGENCY);
        }
    }

    @Test
    void onlyTheFlagAsksForIt() {
        assertThat(EmergencyAdminReset.requested("--proposals.emergency.reset-admin")).isTrue();
        assertThat(EmergencyAdminReset.requested("--proposals.emergency.reset-admin=true")).isTrue();
        assertThat(EmergencyAdminReset.requested("--proposals.emergency.reset-admin=false")).isFalse();
        assertThat(EmergencyAdminReset.requested("--server.port=8080")).isFalse();
        assertThat(EmergencyAdminReset.requested()).isFalse();
    }
}
