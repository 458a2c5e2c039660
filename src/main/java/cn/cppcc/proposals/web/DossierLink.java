package cn.cppcc.proposals.web;

import cn.cppcc.proposals.workflow.StepSubjects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every user task carries the address of its proposal's dossier page as the task-local variable
 * {@value #VARIABLE} (a path on this server, e.g. {@code /proposals/42}), for a link on the task's
 * form in Camunda Tasklist.
 */
@Component
class DossierLink {

    static final String VARIABLE = "dossierLink";

    @EventListener(condition = "#task.eventName == 'create'")
    public void link(DelegateTask task) {
        task.setVariableLocal(VARIABLE, DossierPages.dossier(StepSubjects.proposalIdOf(task.getExecution())));
    }
}
