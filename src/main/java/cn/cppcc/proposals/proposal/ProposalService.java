package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.calendar.WorkingDayCalendar;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The proposal module's service API for the other modules and its own process steps. */
@Service
@Transactional
public class ProposalService {

    private final ProposalRepository proposals;
    private final WorkingDayCalendar calendar;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final ApplicationEventPublisher events;

    ProposalService(ProposalRepository proposals, WorkingDayCalendar calendar, ProposalSettings settings,
            ProposalClock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.proposals = proposals;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
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
        LocalDate due = calendar.addWorkingDays(clock.today(), settings.coProposers().windowWorkingDays());
        proposal.waitForCoProposersUntil(due);
        return due;
    }

    public void dropSilentCoProposers(long proposalId) {
        require(proposalId).dropSilentCoProposers(clock.now());
    }

    /** Rule 2: the office reviews within this many working days; returns the last day. */
    public LocalDate openReview(long proposalId) {
        LocalDate due = calendar.addWorkingDays(clock.today(), settings.review().deadlineWorkingDays());
        require(proposalId).openReview(due);
        return due;
    }

    public void close(long proposalId) {
        require(proposalId).close(clock.now());
        changed(proposalId);
    }

    /** Tells the listeners of {@link ProposalChanged} that the proposal's text or state changed. */
    public void changed(long proposalId) {
        events.publishEvent(new ProposalChanged(proposalId));
    }
}
