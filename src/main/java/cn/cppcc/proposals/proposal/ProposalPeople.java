package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.workflow.ProposalParticipants;
import cn.cppcc.proposals.workflow.StepSubjects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of a proposal from its own record, for the steps' guard and for the BPMN: the
 * revision and rating tasks go to {@code ${proposalPeople.leadProposer(execution)}}, the key
 * proposal's supervision to {@code ${proposalPeople.keySupervisor(execution)}}; never to a user
 * named by a process variable.
 */
@Component("proposalPeople")
@Transactional(readOnly = true)
public class ProposalPeople implements ProposalParticipants {

    private final ProposalRepository proposals;

    ProposalPeople(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public Optional<String> leadProposer(long proposalId) {
        return proposals.findById(proposalId).map(Proposal::getProposer);
    }

    @Override
    public boolean isInvitedCoProposer(long proposalId, String userId) {
        return proposals.findById(proposalId).flatMap(p -> p.coProposer(userId)).isPresent();
    }

    @Override
    public Optional<String> keySupervisor(long proposalId) {
        return proposals.findById(proposalId).filter(Proposal::isKeyProposal).map(Proposal::getSupervisor);
    }

    /** The assignee of the proposer's tasks in the execution's proposal. */
    public String leadProposer(DelegateExecution execution) {
        return leadProposer(StepSubjects.proposalIdOf(execution)).orElseThrow();
    }

    /** The assignee of a key proposal's supervision. */
    public String keySupervisor(DelegateExecution execution) {
        return keySupervisor(StepSubjects.proposalIdOf(execution)).orElseThrow();
    }
}
