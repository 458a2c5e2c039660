package cn.cppcc.proposals.operations;

import cn.cppcc.proposals.audit.AuditChainVerified;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code proposals.audit.chain.intact}: 1 when this node's last verification of the audit chain
 * (the nightly run or an auditor's) found it intact, 0 when broken, NaN before this node has verified
 * it since its start. A scrape never verifies: that reads the whole trail.
 */
@Component
class AuditMeters implements MeterBinder {

    private volatile double intact = Double.NaN;

    @EventListener
    void on(AuditChainVerified verification) {
        intact = verification.ok() ? 1 : 0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("proposals.audit.chain.intact", this, meters -> meters.intact)
                .description("1 if this node's last verification found the audit chain intact, 0 if broken")
                .register(registry);
    }
}
