package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cppcc.proposals.support.IntegrationTestSupport;
import cn.cppcc.proposals.support.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator's emergency reset (EmergencyAdminReset, which the command line runs; see
 * EmergencyAdminResetTest): the administrator gets back in with the new password through every
 * door, whether the engine had locked them, taken them out of their groups or they were disabled.
 */
class EmergencyAdminResetIntegrationTest extends IntegrationTestSupport {

    static final String EMERGENCY = "an-emergency-password";

    @LocalServerPort
    int port;
    @Autowired
    EmergencyAdminReset reset;
    @Autowired
    UserAdministration users;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    /** The other tests log in as admin with the demo password. */
    @AfterEach
    void demoAdministratorAgain() {
        User admin = identityService.createUserQuery().userId("admin").singleResult();
        admin.setPassword(DemoData.PASSWORD);
        identityService.saveUser(admin);
    }

    @Test
    void aLockedAdministratorOutOfTheirGroupGetsBackIn() {
        EngineLocks.lock(engine, "admin");
        identityService.deleteMembership("admin", "camunda-admin");
        assertThat(api.get("admin", "/api/admin/users").status()).isEqualTo(401);

        assertThat(reset.reset(EMERGENCY)).anyMatch(line -> line.contains("解除引擎的锁定"))
                .anyMatch(line -> line.contains("camunda-admin"));

        assertThat(api.get("admin", EMERGENCY, "/api/admin/users").status()).isEqualTo(200);
        assertThat(api.get("admin", EMERGENCY, "/engine-rest/user/count").status()).isEqualTo(200);
        assertThat(new WebappSession(port).login("admin", EMERGENCY, "admin")).isEqualTo(200);
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
        var record = jdbc.sql("select actor, client_ip, detail from audit_events where action = 'IDENTITY_CHANGED'"
                + " and subject = 'User:admin' and action_name like '%紧急重置%' order by seq desc").query().listOfRows();
        assertThat(record).isNotEmpty();
        assertThat(record.get(0)).containsEntry("actor", "system").containsEntry("client_ip", "system");
        assertThat(record.get(0).get("detail").toString()).contains("--proposals.emergency.reset-admin")
                .doesNotContain(EMERGENCY);
    }

    @Test
    void aDisabledAdministratorIsEnabled() {
        users.disable("admin", "another-admin");
        assertThat(api.get("admin", "/api/admin/users").status()).isEqualTo(401);

        assertThat(reset.reset(EMERGENCY)).anyMatch(line -> line.contains("启用"));

        assertThat(api.get("admin", EMERGENCY, "/api/admin/users").status()).isEqualTo(200);
        assertThat(users.user("admin").disabled()).isFalse();
        assertThat(users.user("admin").groups()).contains("admins", "camunda-admin");
    }

    @Test
    void theDemoOrAShortPasswordIsRefused() {
        for (String password : new String[] {"demo", "too-short", "", null}) {
            assertThatThrownBy(() -> reset.reset(password)).hasMessageContaining("ADMIN_PASSWORD");
        }
        assertThat(api.get("admin", "/api/admin/users").status()).isEqualTo(200);
    }
}
