package cn.cppcc.proposals.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cppcc.proposals.ProposalsApplication;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile: refuses to start without a proper administrator password or with demo
 * users in its database, and creates no demo users itself.
 */
class ProductionProfileTest {

    static ConfigurableApplicationContext start(String database, String profile, String... properties) {
        return new SpringApplicationBuilder(ProposalsApplication.class).run(arguments(database, profile, properties));
    }

    /** The command line of a start on an in-memory database that outlives the start (kept by name). */
    static String[] arguments(String database, String profile, String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profile,
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void refusesAnEmptyShortOrDemoAdministratorPassword() {
        for (String password : List.of("", "demo", "too-short")) {
            assertThatThrownBy(() -> start("prod-pw-" + password.length(), "prod", "proposals.admin.password=" + password).close())
                    .hasStackTraceContaining("ADMIN_PASSWORD");
        }
    }

    @Test
    void startsWithItsAdministratorAndNoDemoUsers() {
        try (var context = start("prod-ok", "prod", "proposals.admin.password=a-strong-admin-password")) {
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
        assertThatThrownBy(() -> start("prod-demo", "prod", "proposals.admin.password=a-strong-admin-password").close())
                .hasStackTraceContaining("Demo users exist");
    }
}
