package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.StepService;
import cn.cppcc.proposals.workflow.UnitHandlingProcess;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule 6: a consultation recorded without a task, by the API and the pages (Tasklist records one
 * through the reply step's form). It belongs to the reply step, so who may take that step may
 * record it; it is checked and audited as on every door (HandlingInputs).
 */
@Service
public class Consultations {

    private final UnitAssignmentService assignments;
    private final StepService steps;
    private final HandlingInputs inputs;

    Consultations(UnitAssignmentService assignments, StepService steps, HandlingInputs inputs) {
        this.assignments = assignments;
        this.steps = steps;
        this.inputs = inputs;
    }

    /** @return the consultation's id */
    @Transactional
    public Long record(long proposalId, String unit, Map<String, ?> fields, Actor actor) {
        steps.requireMayTake(assignments.taskOf(proposalId, unit, UnitHandlingProcess.TASK_DRAFT_REPLY), actor);
        return inputs.recordConsultation(assignments.current(proposalId, unit), Input.of(fields), actor);
    }
}
