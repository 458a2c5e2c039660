package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import cn.cppcc.proposals.proposal.AssignedUnits;
import cn.cppcc.proposals.workflow.InstanceUnits;
import cn.cppcc.proposals.workflow.TaskTarget;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service API of unit assignments for the steps of assignment, handling and feedback. It
 * computes the deadlines of Rules 4 to 9 and keeps the proposal's status in step with its units.
 */
@Service
@Transactional
public class UnitAssignmentService implements InstanceUnits, AssignedUnits {

    private final UnitAssignmentRepository assignments;
    private final ProposalService proposals;
    private final HandlingDeadlines deadlines;
    private final ProposalSettings settings;
    private final ProposalClock clock;
    private final ApplicationEventPublisher events;
    private final cn.cppcc.proposals.catalog.Catalog catalog;

    UnitAssignmentService(UnitAssignmentRepository assignments, ProposalService proposals,
            HandlingDeadlines deadlines, ProposalSettings settings, ProposalClock clock,
            ApplicationEventPublisher events, cn.cppcc.proposals.catalog.Catalog catalog) {
        this.events = events;
        this.catalog = catalog;
        this.assignments = assignments;
        this.proposals = proposals;
        this.deadlines = deadlines;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UnitAssignment> ofProposal(long proposalId) {
        return assignments.findByProposalIdOrderById(proposalId);
    }

    /** The unit's current (not reassigned) assignment in the proposal; 404 if it has none. */
    @Transactional(readOnly = true)
    public UnitAssignment current(long proposalId, String unitCode) {
        return ofProposal(proposalId).stream()
                .filter(a -> a.getUnitCode().equals(unitCode) && a.getStatus() != UnitStatus.REASSIGNED)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("该提案未交办给" + (unitCode == null ? "该单位" : catalog.unitName(unitCode))));
    }

    /** Why the unit handles the proposal again, in a round after the first (Rule 9); 404 as {@link #current}. */
    @Transactional(readOnly = true)
    public java.util.Optional<UnitAssignment.ReHandling> reHandling(long proposalId, String unitCode) {
        return current(proposalId, unitCode).reHandling();
    }

    /** The assignment that the unit-handling process instance works on; 404 if none. */
    @Transactional(readOnly = true)
    public UnitAssignment ofInstance(String processInstanceId) {
        return assignments.findFirstByProcessInstanceIdAndStatusNot(processInstanceId, UnitStatus.REASSIGNED)
                .orElseThrow(() -> new NotFoundException("没有该承办单位的办理流程：" + processInstanceId));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isAssignedToAny(long proposalId, Collection<String> unitCodes) {
        return assignments.existsByProposalIdAndUnitCodeIn(proposalId, unitCodes);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> unitOf(String processInstanceId) {
        return assignments.findFirstByProcessInstanceIdAndStatusNot(processInstanceId, UnitStatus.REASSIGNED)
                .map(UnitAssignment::getUnitCode);
    }

    /** The open user task {@code taskKey} of the unit's handling instance in the proposal. */
    @Transactional(readOnly = true)
    public TaskTarget taskOf(long proposalId, String unitCode, String taskKey) {
        return TaskTarget.inInstance(proposalId, taskKey, current(proposalId, unitCode).getProcessInstanceId());
    }

    /** The placeholders of mail templates that describe the proposal and this unit's part in it. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> describe(UnitAssignment assignment) {
        java.util.Map<String, String> values = new java.util.HashMap<>(
                proposals.describe(proposals.require(assignment.getProposalId())));
        values.put("unitName", catalog.unitName(assignment.getUnitCode()));
        values.put("unitRole", UnitTexts.role(assignment.getRole()));
        values.put("deadline", (assignment.getRole() == UnitRole.CO ? opinionDue(assignment) : assignment.getDeadline()).toString());
        values.put("acceptanceDue", assignment.getAcceptanceDue() == null ? "" : assignment.getAcceptanceDue().toString());
        return values;
    }

    /** Rule 4: the default reply deadline, counted from today. */
    public LocalDate defaultReplyDeadline() {
        return clock.today().plus(settings.reply().deadline());
    }

    /** Rule 4: the latest deadline the office may set for a complex proposal. */
    public LocalDate maxReplyDeadline() {
        return clock.today().plus(settings.reply().maxDeadline());
    }

    void assign(Proposal proposal, List<PlannedUnit> units, LocalDate deadline, String deadlineReason, String by) {
        for (PlannedUnit unit : units) {
            assignments.save(UnitAssignment.assigned(proposal.getId(), unit.code(), unit.role(), deadline,
                    deadlineReason, by, clock.now()));
        }
        proposal.startHandling();
    }

    /** A unit-handling instance takes up the assignment; Rule 5's acceptance window starts. */
    public UnitAssignment open(long proposalId, String unitCode, String processInstanceId) {
        UnitAssignment assignment = current(proposalId, unitCode);
        assignment.open(processInstanceId, clock.today(),
                deadlines.due(deadlines.acceptance(clock.today())));
        return assignment;
    }

    /** Rule 6: a co-unit's opinion is due this long after its assignment. */
    public LocalDate opinionDue(UnitAssignment assignment) {
        return LocalDate.ofInstant(assignment.getAssignedAt(), clock.zone()).plus(settings.opinion().deadline());
    }

    public void acceptBySilence(long proposalId, String unitCode) {
        current(proposalId, unitCode).acceptBySilence(clock.now());
    }

    void accept(UnitAssignment assignment, String by) {
        assignment.accept(by, clock.now());
    }

    void object(UnitAssignment assignment, String reason, String suggestedUnit, String by) {
        assignment.object(reason, suggestedUnit, by, clock.now());
    }

    void uphold(UnitAssignment assignment, String comment) {
        assignment.uphold(comment);
    }

    /** Rule 5: the new unit gets its own acceptance step and a fresh reply deadline. */
    void reassign(UnitAssignment assignment, String newUnit, String comment, String by) {
        UnitAssignment replacement = assignments.save(
                assignment.reassignTo(newUnit, comment, by, clock.now(), defaultReplyDeadline()));
        assignment.replacedBy(replacement);
    }

    /** Rule 6: a co-unit sends its opinion to the lead unit. */
    public void sendOpinion(UnitAssignment assignment, String text, String by) {
        assignment.sendOpinion(text, by, clock.now());
    }

    /** Rule 6: a consultation with the proposer; repeatable while the unit handles the proposal. */
    public Consultation recordConsultation(UnitAssignment assignment, ConsultationMethod method, LocalDate heldOn,
            String participants, String summary, String by) {
        Consultation consultation = new Consultation(method, heldOn, participants, summary, by, clock.now());
        assignment.recordConsultation(consultation, catalog.unitName(assignment.getUnitCode()));
        assignments.flush(); // gives the consultation its id, for the answer and the event it registered
        assignments.save(assignment); // publishes what the assignment registered

        return consultation;
    }

    public void draftReply(UnitAssignment assignment, ReplyDraft draft, String by) {
        boolean key = proposals.require(assignment.getProposalId()).isKeyProposal();
        assignment.draftReply(draft, key, by, clock.now());
    }

    /** Rule 7: the office corrects the class of the unit's sent reply. */
    public void correctReplyClass(UnitAssignment assignment, String classification, LocalDate committedDate,
            String reason, String correctionReason, String by) {
        assignment.correctReplyClass(classification, committedDate, reason, correctionReason, by, clock.now(),
                catalog.unitName(assignment.getUnitCode()));
        assignments.save(assignment); // publishes what the assignment registered
    }

    public void signOff(UnitAssignment assignment, boolean approve, String comment, String leader) {
        assignment.signOff(approve, leader, comment, clock.now());
    }

    /**
     * Rule 9: the proposer's rating. Returns whether the unit handles it again: DISSATISFIED while
     * handling rounds are left.
     */
    public boolean rate(UnitAssignment assignment, Rating rating, boolean faceToFace, String comment, String by) {
        boolean reHandle = rating == Rating.DISSATISFIED && assignment.getRound() <= settings.reHandling().rounds();
        assignment.rate(rating, faceToFace, comment, by, clock.now(), reHandle);
        followProposal(assignment.getProposalId());
        return reHandle;
    }

    /** Rule 9: the office's note after DISSATISFIED; the unit handles again by the (shorter) deadline. */
    public void coordinate(UnitAssignment assignment, String note, LocalDate deadline, String by) {
        assignment.coordinate(note, deadline, by, clock.now());
        followProposal(assignment.getProposalId());
    }

    /** Rule 9: the default deadline of another handling round. */
    public LocalDate defaultReHandlingDeadline() {
        return clock.today().plus(settings.reHandling().deadline());
    }

    /** Sends the signed-off reply (Rule 7); Rule 9's feedback window starts. Returns its last day. */
    public LocalDate sendReply(long proposalId, String unitCode) {
        LocalDate feedbackDue = deadlines.due(deadlines.feedback(clock.today()));
        current(proposalId, unitCode).sendReply(clock.now(), feedbackDue);
        followProposal(proposalId);
        events.publishEvent(new ReplySent(proposalId, unitCode));
        return feedbackDue;
    }

    /** Rule 9: no rating in time is recorded as NO_RESPONSE. */
    public void recordNoResponse(long proposalId, String unitCode) {
        current(proposalId, unitCode).recordNoResponse(clock.now());
        followProposal(proposalId);
    }

    /** The proposal waits for ratings once every replying unit has replied. */
    public void followProposal(long proposalId) {
        List<UnitAssignment> replying = ofProposal(proposalId).stream()
                .filter(a -> a.isReplying() && a.getStatus() != UnitStatus.REASSIGNED).toList();
        boolean allReplied = replying.stream()
                .allMatch(a -> a.getStatus() == UnitStatus.REPLIED || a.getStatus() == UnitStatus.DONE)
                && replying.stream().anyMatch(a -> a.getStatus() == UnitStatus.REPLIED);
        proposals.require(proposalId).followUnits(allReplied);
    }

    record PlannedUnit(String code, UnitRole role) {}
}
