package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.workflow.StepSubjects;
import cn.cppcc.proposals.workflow.TaskText;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What every task form shows about its proposal (task-local variables, gone with the task): number,
 * title, text, category and proposers, so that a task can be worked in Tasklist alone.
 */
@Component
class ProposalTaskView {

    private final ProposalService proposals;
    private final Directory directory;

    ProposalTaskView(ProposalService proposals, Directory directory) {
        this.proposals = proposals;
        this.directory = directory;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void describe(DelegateTask task) {
        Proposal p = proposals.require(StepSubjects.proposalIdOf(task.getExecution()));
        task.setVariableLocal("proposalNumber", p.getNumber() != null ? p.getNumber() : "未立案（收件流水号" + p.getSerialNo() + "）");
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
