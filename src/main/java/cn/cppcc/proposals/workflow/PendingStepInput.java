package cn.cppcc.proposals.workflow;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Hands an API request's fields to the step that completes the task, within the same thread and
 * command, with their JSON types intact (a list stays a list, and is refused where text is due).
 * Tasklist's fields come as the form's variables instead.
 */
@Component
class PendingStepInput {

    private final ThreadLocal<Map<String, Map<String, Object>>> pending = ThreadLocal.withInitial(HashMap::new);

    void offer(String taskId, Map<String, Object> fields) {
        pending.get().put(taskId, fields);
    }

    /** The fields given for the task, or {@code null} when the task is completed from a form. */
    Map<String, Object> take(String taskId) {
        return pending.get().remove(taskId);
    }

    void clear(String taskId) {
        pending.get().remove(taskId);
    }
}
