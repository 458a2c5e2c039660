package cn.cppcc.proposals.operations;

import cn.cppcc.proposals.workflow.StepCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code proposals.steps.completed{taskKey}}: the steps completed, by the user task's id in its
 * BPMN file, whichever door completed them. Counted once the step's transaction has committed, so
 * that a step that failed and was rolled back does not count.
 */
@Component
class StepMeters {

    static final String STEPS_COMPLETED = "proposals.steps.completed";

    private final MeterRegistry registry;

    StepMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StepCompleted step) {
        Counter.builder(STEPS_COMPLETED).description("Steps (user tasks) completed, by the task's id in its BPMN file")
                .tag("taskKey", step.taskKey()).register(registry).increment();
    }
}
