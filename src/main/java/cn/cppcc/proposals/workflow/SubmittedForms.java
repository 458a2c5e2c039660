package cn.cppcc.proposals.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.springframework.stereotype.Component;

/**
 * The fields of a form submission, handed from the form handler ({@link StepForms}) to the step
 * that completes the task, or to the registration of a started proposal, within the same engine
 * command. They are never stored as process variables, and they live no longer than the command:
 * whatever is not taken is dropped when the command ends, so nothing leaks into a later request
 * on the same thread.
 */
@Component
public class SubmittedForms {

    private final ThreadLocal<Map<String, Map<String, Object>>> submitted = ThreadLocal.withInitial(HashMap::new);

    /** Keeps the fields submitted for a task or a process instance until its command ends. */
    void offer(String id, Map<String, Object> fields) {
        submitted.get().put(id, fields);
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            command.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext context) {
                    submitted.get().remove(id);
                }

                @Override
                public void onCommandFailed(CommandContext context, Throwable t) {
                    submitted.get().remove(id);
                }
            });
        }
    }

    /** The fields a form submission gave the task; {@code null} when it was completed without one. */
    Map<String, Object> take(String taskId) {
        return submitted.get().remove(taskId);
    }

    /** The start form's fields of a process instance just started from its start form. */
    public Optional<Map<String, Object>> takeStartForm(String processInstanceId) {
        return Optional.ofNullable(submitted.get().remove(processInstanceId));
    }
}
