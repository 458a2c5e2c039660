package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.audit.AuditKey;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production start refuses demo data and test switches: the demo switch on, any of the demo
 * users of API.md in the database (their password is public), the audit chain's public demo key,
 * or the clock control on (whoever may move the clock could date records and deadlines at will).
 * The administrator's password is checked where the administrator is created
 * (identity.AdminAccount), a missing or short audit key where the key is read (audit.AuditKey).
 * These run first of the start-up runners (before the administrator and the settings are recorded).
 */
@Component
@Profile("prod")
@Order(0)
class ProductionChecks implements ApplicationRunner {

    private final ProposalSettings settings;
    private final IdentityService identityService;
    private final AuditKey auditKey;

    ProductionChecks(ProposalSettings settings, IdentityService identityService, AuditKey auditKey) {
        this.settings = settings;
        this.identityService = identityService;
        this.auditKey = auditKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demoData()) {
            throw new IllegalStateException("proposals.demo-data must be false in production");
        }
        if (settings.clockControl()) {
            throw new IllegalStateException("proposals.clock-control (CLOCK_CONTROL) must be false in production");
        }
        if (auditKey.isDemo()) {
            throw new IllegalStateException("AUDIT_HMAC_KEY (proposals.audit.hmac-key) must not be the demo key"
                    + " in production: it is public");
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
