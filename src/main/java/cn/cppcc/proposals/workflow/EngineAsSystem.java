package cn.cppcc.proposals.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs the application's own engine reads (who is in which group, which process instance a task
 * belongs to) without the caller's authorization checks. The caller has already decided that
 * the user may see the result; the checks stay on for everything the user does through the
 * engine (starting, completing, querying tasks), whichever door they use.
 */
@Component
public class EngineAsSystem {

    private final ProcessEngineConfigurationImpl configuration;

    EngineAsSystem(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    public <T> T read(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired()
                .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
    }

    public void run(Runnable work) {
        read(() -> {
            work.run();
            return null;
        });
    }
}
