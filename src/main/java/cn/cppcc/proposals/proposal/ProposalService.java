package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The proposal module's service API for the other modules and its own process steps. */
@Service
@Transactional
public class ProposalService {

    private final ProposalRepository proposals;
    private final ProposalDeadlines deadlines;
    private final ProposalClock clock;
    private final ApplicationEventPublisher events;
    private final Directory directory;

    ProposalService(ProposalRepository proposals, ProposalDeadlines deadlines, ProposalClock clock,
            ApplicationEventPublisher events, Directory directory) {
        this.proposals = proposals;
        this.deadlines = deadlines;
        this.clock = clock;
        this.events = events;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public Proposal require(long id) {
        return proposals.findById(id).orElseThrow(() -> new NotFoundException("没有该提案：" + id));
    }

    /** The proposal, locked until the transaction ends. */
    public Proposal requireForUpdate(long id) {
        return proposals.findForUpdate(id).orElseThrow(() -> new NotFoundException("没有该提案：" + id));
    }

    /** Rule 1: a joint proposal waits for its co-proposers this many working days; returns the last day. */
    public LocalDate openCoProposerWindow(Proposal proposal) {
        LocalDate due = deadlines.due(deadlines.coProposers(proposal));
        proposal.waitForCoProposersUntil(due);
        return due;
    }

    public void dropSilentCoProposers(long proposalId) {
        require(proposalId).dropSilentCoProposers(clock.now());
    }

    /** Rule 2: the office reviews within this many working days; returns the last day. */
    public LocalDate openReview(long proposalId) {
        LocalDate due = deadlines.due(deadlines.review(clock.today()));
        require(proposalId).openReview(clock.today(), due);
        return due;
    }

    public void close(long proposalId) {
        require(proposalId).close(clock.now());
        changed(proposalId);
    }

    /** The placeholders of mail templates that describe the proposal. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> describe(Proposal p) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("title", p.getTitle());
        values.put("proposalNumber", p.getNumber() == null ? "" : p.getNumber());
        values.put("serialNo", String.valueOf(p.getSerialNo()));
        values.put("category", p.getCategory() == null ? "" : p.getCategory());
        values.put("proposerName", directory.displayName(p.getProposer()));
        return values;
    }

    /** Tells the listeners of {@link ProposalChanged} that the proposal's text or state changed. */
    public void changed(long proposalId) {
        events.publishEvent(new ProposalChanged(proposalId));
    }
}
