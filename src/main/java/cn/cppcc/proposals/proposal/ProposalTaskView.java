package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.workflow.StepSubjects;
import cn.cppcc.proposals.workflow.TaskText;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What every task form shows about its proposal (task-local variables, gone with the task): number,
 * title, text, category and proposers, and for a unit's task the unit, so that a task can be worked
 * in Tasklist alone. The task's description says which proposal (and unit) it is, and the shared
 * filters show number, title and unit on each card (identity/BaseGroups): with 200 proposals in the
 * plenary week the cards must tell the tasks apart.
 */
@Component
class ProposalTaskView {

    private final ProposalService proposals;
    private final Directory directory;
    private final StepSubjects subjects;
    private final Catalog catalog;

    ProposalTaskView(ProposalService proposals, Directory directory, StepSubjects subjects, Catalog catalog) {
        this.proposals = proposals;
        this.directory = directory;
        this.subjects = subjects;
        this.catalog = catalog;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void describe(DelegateTask task) {
        Proposal p = proposals.require(StepSubjects.proposalIdOf(task.getExecution()));
        String number = p.getNumber() != null ? p.getNumber() : "未立案（收件流水号" + p.getSerialNo() + "）";
        String unit = subjects.of(task).unitCode();
        String unitName = unit == null ? null : catalog.unitName(unit);
        task.setDescription((p.getNumber() != null ? p.getNumber() + "号 " : "收件" + p.getSerialNo() + "号 ")
                + p.getTitle() + (unitName == null ? "" : "（" + unitName + "）"));
        if (unitName != null) {
            task.setVariableLocal("unitName", unitName);
        }
        task.setVariableLocal("proposalNumber", number);
        task.setVariableLocal("proposalTitle", p.getTitle());
        task.setVariableLocal("proposalBackground", TaskText.fit(p.getBackground()));
        task.setVariableLocal("proposalSuggestions", TaskText.fit(p.getSuggestions()));
        task.setVariableLocal("proposalCategory", p.getCategory() != null ? p.getCategory()
                : p.getSuggestedCategory() != null ? p.getSuggestedCategory() + "（提案人建议）" : "未定");
        task.setVariableLocal("proposerNames", proposers(p));
    }

    private String proposers(Proposal p) {
        String lead = directory.displayName(p.getProposer());
        String co = p.getCoProposers().stream()
                .filter(c -> c.getState() == CoProposerState.CONFIRMED || c.getState() == CoProposerState.PENDING)
                .map(c -> directory.displayName(c.getUserId()))
                .collect(Collectors.joining("、"));
        return co.isEmpty() ? lead : lead + "（领衔），联名：" + co;
    }
}
