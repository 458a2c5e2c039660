package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ProposalSettings;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production's first administrator ({@code proposals.admin}), in the groups {@code admins} and
 * {@code camunda-admin}, created when missing (not when disabled). Refuses to start with an empty
 * or demo password; never logs it.
 */
@Component
@Order(2)
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final ProposalSettings settings;
    private final IdentityService identityService;
    private final UserAdministration users;

    AdminAccount(ProposalSettings settings, IdentityService identityService, UserAdministration users) {
        this.settings = settings;
        this.identityService = identityService;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        ProposalSettings.Admin admin = settings.admin();
        if (admin == null || admin.user() == null) {
            return;
        }
        String password = admin.password();
        checkPassword(password);
        if (users.isDisabled(admin.user())) {
            // another admin disabled them: a restart must not bring them back with ADMIN_PASSWORD
            log.warn("The administrator '{}' is disabled; another admin enables them, or run the application once"
                    + " with --{} (README, Security)", admin.user(), EmergencyAdminReset.FLAG);
            return;
        }
        if (identityService.createUserQuery().userId(admin.user()).count() == 0) {
            User user = identityService.newUser(admin.user());
            user.setFirstName("系统管理员");
            user.setLastName("");
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(admin.user(), Actor.ADMINS);
            identityService.createMembership(admin.user(), "camunda-admin");
            log.info("Created the administrator '{}'", admin.user());
        }
    }

    /** The administrator's password (ADMIN_PASSWORD): at least 12 characters, not the demo one. */
    static void checkPassword(String password) {
        if (password == null || password.isBlank() || password.equals(DemoData.PASSWORD)
                || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("ADMIN_PASSWORD must be set to at least " + MIN_PASSWORD_LENGTH
                    + " characters and must not be the demo password");
        }
    }
}
