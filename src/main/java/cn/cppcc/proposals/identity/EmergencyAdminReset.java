package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.AuditAction;
import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.identity.UserAdministration.UserView;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way back in when the administrator is locked out or their password is lost (README,
 * "Security"): {@code java -jar proposals.jar --proposals.emergency.reset-admin}, with
 * {@code ADMIN_PASSWORD} and the server's own configuration (profile, database) in the environment.
 * The application starts on its database without a web server or jobs, gives the administrator
 * ({@code proposals.admin.user}, else {@code admin}) that password, clears any engine lock, enables
 * them if they were disabled, puts them in {@code admins} and {@code camunda-admin}, records it in
 * the audit trail, prints what it did and exits.
 */
@Component
public class EmergencyAdminReset {

    public static final String FLAG = "proposals.emergency.reset-admin";
    static final String DEFAULT_ADMIN = "admin";
    static final String JOBS = "camunda.bpm.job-execution.enabled";
    static final String ENGINE_REST = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";
    static final List<String> ADMIN_GROUPS = List.of(Actor.ADMINS, Groups.CAMUNDA_ADMIN);

    private final UserAdministration users;
    private final IdentityService identityService;
    private final EngineAsSystem system;
    private final ApplicationEventPublisher events;
    private final ProposalSettings settings;

    EmergencyAdminReset(UserAdministration users, IdentityService identityService, EngineAsSystem system,
            ApplicationEventPublisher events, ProposalSettings settings) {
        this.users = users;
        this.identityService = identityService;
        this.system = system;
        this.events = events;
        this.settings = settings;
    }

    /** Whether the command line asks for the reset ({@code --proposals.emergency.reset-admin}). */
    public static boolean requested(String... args) {
        String value = new SimpleCommandLinePropertySource(args).getProperty(FLAG);
        return value != null && !value.equalsIgnoreCase("false");
    }

    /**
     * Runs the reset as an application of its own and returns the exit code: 0 done, 1 refused or
     * failed (the reason printed).
     *
     * @param application the application's main class
     */
    public static int run(Class<?> application, String... args) {
        SpringApplication reset = new SpringApplication(application);
        reset.setWebApplicationType(WebApplicationType.NONE);
        // the engine REST API's Jersey setup assumes a web server
        reset.setDefaultProperties(Map.of("spring.autoconfigure.exclude", ENGINE_REST));
        List<String> arguments = new ArrayList<>(List.of(args));
        // no timers or mails while the administrator is being repaired (unless the command line says otherwise)
        if (!new SimpleCommandLinePropertySource(args).containsProperty(JOBS)) {
            arguments.add("--" + JOBS + "=false");
        }
        try (ConfigurableApplicationContext context = reset.run(arguments.toArray(String[]::new))) {
            String password = context.getEnvironment().getProperty("ADMIN_PASSWORD");
            List<String> done = context.getBean(EmergencyAdminReset.class).reset(password);
            System.out.println("紧急重置管理员完成：");
            done.forEach(line -> System.out.println("  " + line));
            return 0;
        } catch (RuntimeException e) {
            // the root cause says what to fix (a start that fails wraps it)
            System.err.println("紧急重置管理员失败：" + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return 1;
        }
    }

    /**
     * Gives the administrator this password (the rules of ADMIN_PASSWORD), clears any lock, enables
     * them if disabled (creates them if missing) and puts them in the admin groups; returns what it did.
     */
    @Transactional
    public List<String> reset(String password) {
        AdminAccount.checkPassword(password);
        String id = settings.admin() != null && settings.admin().user() != null ? settings.admin().user() : DEFAULT_ADMIN;
        List<String> done = new ArrayList<>();
        UserView admin = find(id);
        if (admin == null) {
            users.create(id, "系统管理员", null, password, ADMIN_GROUPS);
            done.add("已创建管理员 " + id + "，密码取自 ADMIN_PASSWORD");
        } else if (admin.disabled()) {
            users.enable(id, password);
            done.add("已启用被停用的管理员 " + id + "，密码取自 ADMIN_PASSWORD");
        } else {
            users.setPassword(id, password);
            done.add("已将管理员 " + id + " 的密码改为 ADMIN_PASSWORD 的值，并解除引擎的锁定");
        }
        for (String group : ADMIN_GROUPS) {
            if (system.read(() -> identityService.createUserQuery().userId(id).memberOfGroup(group).count()) == 0) {
                system.run(() -> identityService.createMembership(id, group));
                done.add("已将 " + id + " 加入用户组 " + group);
            }
        }
        events.publishEvent(new AccountChanged(AuditAction.IDENTITY_CHANGED,
                AuditAction.IDENTITY_CHANGED.label() + "：紧急重置管理员", id, "用户：" + id + "；在服务器上以 --" + FLAG
                        + " 执行（操作系统用户：" + System.getProperty("user.name") + "）；" + String.join("；", done)));
        return done;
    }

    private UserView find(String id) {
        try {
            return users.user(id);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
