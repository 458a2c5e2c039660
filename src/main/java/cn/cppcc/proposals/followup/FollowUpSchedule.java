package cn.cppcc.proposals.followup;

import cn.cppcc.proposals.unithandling.Reply;
import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import cn.cppcc.proposals.unithandling.UnitStatus;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rule 11: which units of a closed proposal replied with a class that commits to a date (B by
 * default) and when their follow-up is due. Read by the follow-up sub-process (multi-instance).
 */
@Component("followUpSchedule")
public class FollowUpSchedule {

    private final UnitAssignmentService assignments;
    private final ProposalSettings settings;
    private final ProposalClock clock;

    FollowUpSchedule(UnitAssignmentService assignments, ProposalSettings settings, ProposalClock clock) {
        this.assignments = assignments;
        this.settings = settings;
        this.clock = clock;
    }

    public List<String> units(Long proposalId) {
        return assignments.ofProposal(proposalId).stream()
                .filter(a -> committedReply(a).isPresent())
                .map(UnitAssignment::getUnitCode).toList();
    }

    /** The start of the committed day, when the office checks what was done. */
    public Date dueOf(Long proposalId, String unitCode) {
        Reply reply = committedReply(assignments.current(proposalId, unitCode)).orElseThrow();
        return Date.from(reply.getCommittedDate().atStartOfDay(clock.zone()).toInstant());
    }

    Optional<Reply> committedReply(UnitAssignment assignment) {
        if (assignment.getStatus() == UnitStatus.REASSIGNED) {
            return Optional.empty();
        }
        return assignment.latestSentReply().filter(r -> r.getCommittedDate() != null && settings.reply()
                .replyClass(r.getClassification()).map(ProposalSettings.ReplyClass::committedDateRequired).orElse(false));
    }
}
