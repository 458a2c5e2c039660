package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.ProposalSettings;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production start refuses demo data: the demo switch on, or any of the demo users of API.md in
 * the database (their password is public). The administrator's password is checked where the
 * administrator is created (identity.AdminAccount).
 */
@Component
@Profile("prod")
@Order(0)
class ProductionChecks implements ApplicationRunner {

    private final ProposalSettings settings;
    private final IdentityService identityService;

    ProductionChecks(ProposalSettings settings, IdentityService identityService) {
        this.settings = settings;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demoData()) {
            throw new IllegalStateException("proposals.demo-data must be false in production");
        }
        // The administrator may keep the id "admin"; the other demo users must not exist.
        List<String> present = DemoData.USERS.stream().map(DemoData.DemoUser::id)
                .filter(id -> !id.equals("admin"))
                .filter(id -> identityService.createUserQuery().userId(id).count() > 0).toList();
        if (!present.isEmpty()) {
            throw new IllegalStateException("Demo users exist in the production database: " + present
                    + "; delete them before starting in production");
        }
    }
}
