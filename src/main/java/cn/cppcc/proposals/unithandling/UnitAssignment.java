package cn.cppcc.proposals.unithandling;

import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.InvalidInputException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.springframework.data.domain.AbstractAggregateRoot;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A unit assignment: one unit's part in one proposal (DOMAIN.md "What is counted"), with its
 * consultations and replies. Each change checks the current status (else 409).
 */
@Entity
@Table(name = "unit_assignments")
public class UnitAssignment extends AbstractAggregateRoot<UnitAssignment> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long proposalId;
    private String unitCode;
    @Enumerated(EnumType.STRING)
    private UnitRole role;
    @Enumerated(EnumType.STRING)
    private UnitStatus status;
    private int round;
    private String processInstanceId;
    private Instant assignedAt;
    private String assignedBy;
    private LocalDate acceptanceDue;
    private LocalDate acceptanceOpenedOn;
    private LocalDate deadline;
    /** The reply deadline set at assignment; {@code deadline} moves when the unit handles it again (Rule 9). */
    private LocalDate initialDeadline;
    private String deadlineReason;
    private Instant acceptedAt;
    private String acceptedBy;
    private boolean acceptedBySilence;
    private String objectionReason;
    private String objectionSuggestedUnit;
    private String resolutionComment;
    private Long replacedBy;
    private String opinionText;
    private String opinionBy;
    private Instant opinionAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "assignment_id", nullable = false)
    @OrderBy("id")
    private List<Consultation> consultations = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "assignment_id", nullable = false)
    @OrderBy("id")
    private List<Reply> replies = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "assignment_id", nullable = false)
    @OrderBy("id")
    private List<Coordination> coordinations = new ArrayList<>();

    protected UnitAssignment() {
    }

    static UnitAssignment assigned(long proposalId, String unitCode, UnitRole role, LocalDate deadline,
            String deadlineReason, String by, Instant now) {
        UnitAssignment a = new UnitAssignment();
        a.proposalId = proposalId;
        a.unitCode = unitCode;
        a.role = role;
        a.status = UnitStatus.AWAITING_ACCEPTANCE;
        a.round = 1;
        a.deadline = deadline;
        a.initialDeadline = deadline;
        a.deadlineReason = deadlineReason;
        a.assignedBy = by;
        a.assignedAt = now;
        return a;
    }

    /** The unit-handling instance takes this assignment up; Rule 5's window starts. */
    void open(String processInstanceId, LocalDate openedOn, LocalDate acceptanceDue) {
        requireStatus(UnitStatus.AWAITING_ACCEPTANCE);
        this.processInstanceId = processInstanceId;
        this.acceptanceOpenedOn = openedOn;
        this.acceptanceDue = acceptanceDue;
    }

    /** Rule 13: a holiday added later moves the running acceptance window. */
    public void moveAcceptanceDue(LocalDate due) {
        this.acceptanceDue = due;
    }

    // --- acceptance (Rule 5) ----------------------------------------------------------------------

    void accept(String by, Instant now) {
        requireStatus(UnitStatus.AWAITING_ACCEPTANCE);
        this.acceptedBy = by;
        this.acceptedAt = now;
        this.status = UnitStatus.HANDLING;
    }

    /** Silence counts as acceptance. */
    void acceptBySilence(Instant now) {
        accept(null, now);
        this.acceptedBySilence = true;
    }

    void object(String reason, String suggestedUnit, String by, Instant now) {
        requireStatus(UnitStatus.AWAITING_ACCEPTANCE);
        this.objectionReason = reason;
        this.objectionSuggestedUnit = suggestedUnit;
        this.acceptedBy = by;
        this.acceptedAt = now;
        this.status = UnitStatus.OBJECTED;
    }

    /** The office upholds the assignment: the unit handles it. */
    void uphold(String comment) {
        requireStatus(UnitStatus.OBJECTED);
        this.resolutionComment = comment;
        this.status = UnitStatus.HANDLING;
    }

    /** The office reassigns: this unit no longer counts, {@code replacement} takes its place. */
    UnitAssignment reassignTo(String newUnit, String comment, String by, Instant now, LocalDate newDeadline) {
        requireStatus(UnitStatus.OBJECTED);
        this.resolutionComment = comment;
        this.status = UnitStatus.REASSIGNED;
        return assigned(proposalId, newUnit, role, newDeadline, null, by, now);
    }

    void replacedBy(UnitAssignment replacement) {
        this.replacedBy = replacement.id;
    }

    // --- handling (Rules 6 and 7) -----------------------------------------------------------------

    void sendOpinion(String text, String by, Instant now) {
        if (role != UnitRole.CO) {
            throw new ConflictException("只有会办单位提出会办意见");
        }
        requireStatus(UnitStatus.HANDLING);
        this.opinionText = text;
        this.opinionBy = by;
        this.opinionAt = now;
        this.status = UnitStatus.DONE;
    }

    void recordConsultation(Consultation consultation, String unitName) {
        if (!isReplying()) {
            throw new ConflictException("会办单位不与提案人协商答复，请提出会办意见");
        }
        requireStatus(UnitStatus.HANDLING, UnitStatus.AWAITING_SIGN_OFF);
        consultations.add(consultation);
        registerEvent(new ConsultationRecorded(proposalId, unitCode, unitName, consultation));
    }

    /** Rule 6: consult first, then reply; a key proposal needs a face-to-face consultation. */
    void draftReply(ReplyDraft draft, boolean keyProposal, String by, Instant now) {
        requireStatus(UnitStatus.HANDLING);
        if (!isReplying()) {
            throw new ConflictException("会办单位不答复，请提出会办意见");
        }
        if (consultations.isEmpty()) {
            throw new InvalidInputException("consultations", "答复前须至少记录一次与提案人的协商（先协商后答复）");
        }
        if (keyProposal && consultations.stream().noneMatch(c -> c.getMethod() == ConsultationMethod.FACE_TO_FACE)) {
            throw new InvalidInputException("consultations", "重点提案答复前须与提案人见面协商");
        }
        replies.add(new Reply(round, draft, by, now));
        this.status = UnitStatus.AWAITING_SIGN_OFF;
    }

    void signOff(boolean approve, String leader, String comment, Instant now) {
        requireStatus(UnitStatus.AWAITING_SIGN_OFF);
        latestReply().orElseThrow().signOff(approve, leader, comment, now);
        if (!approve) {
            this.status = UnitStatus.HANDLING;
        }
    }

    void sendReply(Instant now, LocalDate feedbackDue) {
        requireStatus(UnitStatus.AWAITING_SIGN_OFF);
        latestReply().orElseThrow().send(now, feedbackDue);
        this.status = UnitStatus.REPLIED;
    }

    // --- feedback (Rule 9) ------------------------------------------------------------------------

    void rate(Rating rating, boolean faceToFace, String comment, String by, Instant now, boolean reHandle) {
        requireStatus(UnitStatus.REPLIED);
        latestReply().orElseThrow().rate(rating, faceToFace, comment, by, now);
        this.status = reHandle ? UnitStatus.RE_HANDLING : UnitStatus.DONE;
    }

    void recordNoResponse(Instant now) {
        requireStatus(UnitStatus.REPLIED);
        latestReply().orElseThrow().rate(Rating.NO_RESPONSE, null, null, null, now);
        this.status = UnitStatus.DONE;
    }

    /** After DISSATISFIED the office coordinates; the unit handles it again by a new deadline. */
    void coordinate(String note, LocalDate newDeadline, String by, Instant now) {
        requireStatus(UnitStatus.RE_HANDLING);
        this.round++;
        this.deadline = newDeadline;
        coordinations.add(new Coordination(round, note, newDeadline, by, now));
        this.status = UnitStatus.HANDLING;
    }

    private void requireStatus(UnitStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new ConflictException("承办单位当前状态为" + status + "，不能办理此步骤");
        }
    }

    // --- reading ------------------------------------------------------------------------------

    public boolean isReplying() {
        return role != UnitRole.CO;
    }

    /** Rule 7: the office corrects the class of the reply last sent. */
    void correctReplyClass(String classification, LocalDate committedDate, String reason, String correctionReason,
            String by, Instant now, String unitName) {
        Reply reply = latestSentReply().orElseThrow();
        String from = reply.getClassification();
        reply.correctClass(classification, committedDate, reason, correctionReason, by, now);
        registerEvent(new ReplyClassCorrected(proposalId, unitCode, unitName, from, classification, correctionReason));
    }

    /**
     * Why the unit handles the proposal again (Rule 9), in a round after the first: the proposer's
     * comment on the reply they were dissatisfied with, the office's note and the new deadline.
     */
    public record ReHandling(int round, String proposerComment, String officeNote, LocalDate deadline) {}

    /** {@link ReHandling} in a round after the first, else empty. */
    public Optional<ReHandling> reHandling() {
        if (round < 2) {
            return Optional.empty();
        }
        String comment = replies.stream().filter(r -> r.getRating() == Rating.DISSATISFIED).reduce((a, b) -> b)
                .map(Reply::getRatingComment).orElse(null);
        String note = coordinations.stream().reduce((a, b) -> b).map(Coordination::getNote).orElse(null);
        return Optional.of(new ReHandling(round, comment, note, deadline));
    }

    /** The latest drafted reply, whatever its state. */
    public Optional<Reply> latestReply() {
        return replies.stream().max(Comparator.comparing(Reply::getId, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    /** The latest reply that was sent to the proposer. */
    public Optional<Reply> latestSentReply() {
        return replies.stream().filter(r -> r.getStatus() == ReplyStatus.SENT).reduce((a, b) -> b);
    }

    public Long getId() {
        return id;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public UnitRole getRole() {
        return role;
    }

    public UnitStatus getStatus() {
        return status;
    }

    public int getRound() {
        return round;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public LocalDate getAcceptanceDue() {
        return acceptanceDue;
    }

    public LocalDate getAcceptanceOpenedOn() {
        return acceptanceOpenedOn;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    /** The deadline the first reply was due by: the one set at assignment, before any re-handling. */
    public LocalDate getInitialDeadline() {
        return initialDeadline;
    }

    public String getDeadlineReason() {
        return deadlineReason;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public boolean isAcceptedBySilence() {
        return acceptedBySilence;
    }

    public String getObjectionReason() {
        return objectionReason;
    }

    public String getObjectionSuggestedUnit() {
        return objectionSuggestedUnit;
    }

    public String getResolutionComment() {
        return resolutionComment;
    }

    public Long getReplacedBy() {
        return replacedBy;
    }

    public String getOpinionText() {
        return opinionText;
    }

    public String getOpinionBy() {
        return opinionBy;
    }

    public Instant getOpinionAt() {
        return opinionAt;
    }

    public List<Consultation> getConsultations() {
        return Collections.unmodifiableList(consultations);
    }

    public List<Reply> getReplies() {
        return Collections.unmodifiableList(replies);
    }

    public List<Coordination> getCoordinations() {
        return Collections.unmodifiableList(coordinations);
    }
}
