package cn.cppcc.proposals.operations;

import cn.cppcc.proposals.workflow.EngineAsSystem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs and incidents, counted in the database at each scrape (three count queries),
 * without the caller's authorization checks. They are the cluster's, not a node's: every node
 * reports the same numbers. A count that fails (the database is down) is reported as NaN.
 * <ul>
 * <li>{@code proposals.engine.jobs.executable}: jobs due now with retries left (timers, mail
 * deliveries), a backlog when it keeps growing;
 * <li>{@code proposals.engine.jobs.failed}: jobs without retries left, each with an incident;
 * <li>{@code proposals.engine.incidents.open}: open incidents, which an admin resolves in Cockpit.
 * </ul>
 */
@Component
class EngineMeters implements MeterBinder {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final EngineAsSystem system;

    EngineMeters(ManagementService managementService, RuntimeService runtimeService, EngineAsSystem system) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "proposals.engine.jobs.executable", "Engine jobs due now with retries left",
                () -> managementService.createJobQuery().executable().count());
        gauge(registry, "proposals.engine.jobs.failed", "Engine jobs without retries left",
                () -> managementService.createJobQuery().noRetriesLeft().count());
        gauge(registry, "proposals.engine.incidents.open", "Open engine incidents",
                () -> runtimeService.createIncidentQuery().count());
    }

    private void gauge(MeterRegistry registry, String name, String description, Supplier<Long> count) {
        Gauge.builder(name, () -> system.read(count)).description(description).register(registry);
    }
}
