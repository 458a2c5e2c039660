package cn.cppcc.proposals.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Finds a step's {@link StepSubject} from the engine's and the project's records. */
@Component
public class StepSubjects {

    private final InstanceUnits units;

    StepSubjects(InstanceUnits units) {
        this.units = units;
    }

    /**
     * The subject of an open task. For the follow-up of a unit's B-class reply (a proposal-level
     * multi-instance step), the unit is the element the engine created from the proposal's replies;
     * the step checks it against the records.
     */
    public StepSubject of(DelegateTask task) {
        String instance = task.getProcessInstanceId();
        String unit = units.unitOf(instance).orElse(null);
        if (unit == null && task.getVariable(ProposalVariables.UNIT_CODE) instanceof String element) {
            unit = element;
        }
        return new StepSubject(proposalIdOf(task.getExecution()), instance, unit);
    }

    /** The subject the API names in its path, before the task is looked up. */
    public StepSubject of(TaskTarget target) {
        String instance = target.processInstanceId();
        return new StepSubject(target.proposalId(), instance,
                instance == null ? null : units.unitOf(instance).orElse(null));
    }

    /**
     * The proposal of an execution: the business key of its process instance, which only the
     * project's code sets (the registration of a proposal, and the call of a unit's handling).
     */
    public static long proposalIdOf(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null || !key.matches("\\d{1,18}")) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " belongs to no proposal");
        }
        return Long.parseLong(key);
    }
}
