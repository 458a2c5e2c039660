package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cppcc.proposals.ProposalsApplication;
import cn.cppcc.proposals.audit.AuditKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile: refuses to start without a proper administrator password, without a
 * proper audit key or with the demo's, with the clock control on or with demo users in its
 * database, and creates no demo users itself.
 */
class ProductionProfileTest {

    /** A production key for the tests (not the demo's): 32 bytes as hex. */
    static final String KEY = "0123456789abcdef".repeat(4);
    static final String PASSWORD = "proposals.admin.password=a-strong-admin-password";

    /** Starts the application; in {@code prod} with {@link #KEY} unless the properties name another. */
    static ConfigurableApplicationContext start(String database, String profile, String... properties) {
        return new SpringApplicationBuilder(ProposalsApplication.class).run(arguments(database, profile, properties));
    }

    /** The command line of a start on an in-memory database that outlives the start (kept by name). */
    static String[] arguments(String database, String profile, String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profile,
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"));
        if (profile.equals("prod") && Arrays.stream(properties).noneMatch(p -> p.startsWith("proposals.audit.hmac-key="))) {
            args.add("--proposals.audit.hmac-key=" + KEY);
        }
        for (String property : properties) {
            args.add("--" + property);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void refusesAnEmptyShortOrDemoAdministratorPassword() {
        for (String password : List.of("", "demo", "too-short")) {
            assertThatThrownBy(() -> start("prod-pw-" + password.length(), "prod", "proposals.admin.password=" + password)
                    .close())
                    .hasStackTraceContaining("ADMIN_PASSWORD");
        }
    }

    @Test
    void startsWithItsAdministratorAndNoDemoUsers() {
        try (var context = start("prod-ok", "prod", PASSWORD)) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", "a-strong-admin-password")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId())
                    .containsExactly("admin");
            assertThat(identity.createUserQuery().userIdIn("office1", "member1", "edu1", "auditor1").count()).isZero();
        }
    }

    @Test
    void aDisabledAdministratorStaysDisabledAfterARestart() {
        try (var context = start("prod-disabled", "prod", "proposals.admin.password=a-strong-admin-password")) {
            UserAdministration users = context.getBean(UserAdministration.class);
            users.create("admin2", "第二管理员", null, "another-admin-password", List.of("admins", "camunda-admin"));
            users.disable("admin", "admin2");
        }
        try (var context = start("prod-disabled", "prod", "proposals.admin.password=a-strong-admin-password")) {
            assertThat(context.getBean(UserAdministration.class).isDisabled("admin")).isTrue();
            assertThat(context.getBean(IdentityService.class).createUserQuery().userId("admin").count()).isZero();
        }
    }

    @Test
    void refusesADatabaseWithDemoUsers() {
        start("prod-demo", "default").close();
        assertThatThrownBy(() -> start("prod-demo", "prod", PASSWORD).close())
                .hasStackTraceContaining("Demo users exist");
    }

    @Test
    void refusesAMissingShortOrDemoAuditKey() {
        for (String key : List.of("", "0123456789abcdef".repeat(3), AuditKey.DEMO)) {
            assertThatThrownBy(() -> start("prod-key-" + key.length(), "prod", PASSWORD, "proposals.audit.hmac-key=" + key)
                    .close()).hasStackTraceContaining("AUDIT_HMAC_KEY");
        }
    }

    @Test
    void refusesTheClockControl() {
        assertThatThrownBy(() -> start("prod-clock", "prod", PASSWORD, "proposals.clock-control=true").close())
                .hasStackTraceContaining("proposals.clock-control");
    }
}
