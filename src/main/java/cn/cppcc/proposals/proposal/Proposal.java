package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.shared.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A proposal 提案. Its status changes only through the methods below, each of which checks that
 * the proposal is in a state where the change is allowed (else 409).
 */
@Entity
@Table(name = "proposals")
public class Proposal extends AbstractAggregateRoot<Proposal> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private int serialNo;
    private String number;
    private String title;
    private String background;
    private String suggestions;
    private String proposer;
    @Enumerated(EnumType.STRING)
    private ProposerType proposerType;
    @Enumerated(EnumType.STRING)
    private ProposalKind kind;
    private String suggestedCategory;
    private String category;
    private boolean publicConsent;
    @jakarta.persistence.Column(name = "key_proposal")
    private boolean keyProposal;
    private String supervisor;
    @Enumerated(EnumType.STRING)
    private ProposalStatus status;
    private String registeredBy;
    private LocalDate reviewDue;
    private LocalDate reviewOpenedOn;
    private boolean published;
    private Instant publishedAt;
    private boolean repliesPublished;
    private LocalDate coProposersDue;
    @Enumerated(EnumType.STRING)
    private RejectGround rejectGround;
    private Long mergedInto;
    private String convertedTo;
    private Instant createdAt;
    private Instant filedAt;
    private Instant closedAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "proposal_id", nullable = false)
    @OrderBy("position")
    private List<CoProposer> coProposers = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "proposal_id", nullable = false)
    @OrderBy("decidedAt")
    private List<ReviewRecord> reviews = new ArrayList<>();

    protected Proposal() {
    }

    /**
     * Rule 1: a new proposal, a joint one first waits for its co-proposers; {@link ProposalSubmitted}
     * (with {@code names}, the names of the people it names, for the record) is published when it is saved.
     */
    static Proposal submitted(CommitteeSession session, int serialNo, ProposalKind kind, String proposer,
            String registeredBy, ProposerType type, ProposalText text, String suggestedCategory, boolean publicConsent,
            List<String> coProposerIds, Instant now, java.util.Map<String, String> names) {
        Proposal p = new Proposal();
        p.sessionId = session.getId();
        p.serialNo = serialNo;
        p.kind = kind;
        p.proposer = proposer;
        p.registeredBy = registeredBy;
        p.proposerType = type;
        p.setText(text);
        p.suggestedCategory = suggestedCategory;
        p.publicConsent = publicConsent;
        p.createdAt = now;
        for (String userId : coProposerIds) {
            p.coProposers.add(new CoProposer(p.coProposers.size() + 1, userId, CoProposerState.PENDING, null));
        }
        p.status = coProposerIds.isEmpty() ? ProposalStatus.UNDER_REVIEW : ProposalStatus.AWAITING_CO_PROPOSERS;
        p.registerEvent(new ProposalSubmitted(p, session.getName(), names));
        return p;
    }

    // --- co-proposers (Rule 1) --------------------------------------------------------------------

    void waitForCoProposersUntil(LocalDate due) {
        this.coProposersDue = due;
    }

    public void answerCoProposal(String userId, boolean confirm, Instant now) {
        requireStatus(ProposalStatus.AWAITING_CO_PROPOSERS);
        CoProposer coProposer = coProposer(userId)
                .filter(c -> c.getState() == CoProposerState.PENDING)
                .orElseThrow(() -> new ConflictException("无待确认的联名邀请"));
        coProposer.answer(confirm ? CoProposerState.CONFIRMED : CoProposerState.DECLINED, now);
    }

    /** The window closed: who has not answered is dropped from the proposal. */
    public void dropSilentCoProposers(Instant now) {
        coProposers.stream().filter(c -> c.getState() == CoProposerState.PENDING)
                .forEach(c -> c.answer(CoProposerState.DROPPED, now));
    }

    public List<String> pendingCoProposers() {
        return coProposers.stream().filter(c -> c.getState() == CoProposerState.PENDING)
                .map(CoProposer::getUserId).toList();
    }

    public List<String> confirmedCoProposers() {
        return coProposers.stream().filter(c -> c.getState() == CoProposerState.CONFIRMED)
                .map(CoProposer::getUserId).toList();
    }

    public Optional<CoProposer> coProposer(String userId) {
        return coProposers.stream().filter(c -> c.getUserId().equals(userId)).findFirst();
    }

    // --- review (Rule 2) --------------------------------------------------------------------------

    /** The proposal reaches the office: the review deadline starts. */
    public void openReview(LocalDate openedOn, LocalDate due) {
        if (status != ProposalStatus.AWAITING_CO_PROPOSERS && status != ProposalStatus.UNDER_REVIEW) {
            throw new ConflictException("提案当前不能进入审查");
        }
        this.status = ProposalStatus.UNDER_REVIEW;
        this.reviewOpenedOn = openedOn;
        this.reviewDue = due;
        // Every co-proposer declined or stayed silent: the lead proposer's own proposal.
        if (proposerType == ProposerType.JOINT
                && coProposers.stream().noneMatch(c -> c.getState() == CoProposerState.CONFIRMED)) {
            this.proposerType = ProposerType.MEMBER;
        }
    }

    public void file(String number, String category, boolean key, String supervisor, String comment,
            String reviewer, Instant now) {
        decide(ReviewDecision.FILE, null, comment, reviewer, now);
        this.number = number;
        this.category = category;
        this.keyProposal = key;
        this.supervisor = key ? supervisor : null;
        this.filedAt = now;
        this.status = ProposalStatus.FILED;
    }

    public void returnForRevision(String comment, String reviewer, Instant now) {
        decide(ReviewDecision.RETURN, null, comment, reviewer, now);
        this.status = ProposalStatus.RETURNED;
    }

    public void reject(RejectGround ground, String comment, String reviewer, Instant now) {
        decide(ReviewDecision.REJECT, ground, comment, reviewer, now);
        this.rejectGround = ground;
        this.status = ProposalStatus.REJECTED;
        this.closedAt = now;
    }

    public void convertToOpinion(String unitCode, String comment, String reviewer, Instant now) {
        decide(ReviewDecision.CONVERT, null, comment, reviewer, now);
        this.convertedTo = unitCode;
        this.status = ProposalStatus.CONVERTED;
        this.closedAt = now;
    }

    /** Merged into {@code target}: this proposal's proposers join that one as co-proposers. */
    public void mergeInto(Proposal target, String comment, String reviewer, Instant now) {
        if (target.id.equals(id)) {
            throw new IllegalArgumentException("a proposal cannot be merged into itself");
        }
        decide(ReviewDecision.MERGE, null, comment, reviewer, now);
        target.join(proposer, now);
        coProposers.stream().filter(c -> c.getState() == CoProposerState.CONFIRMED)
                .forEach(c -> target.join(c.getUserId(), now));
        this.mergedInto = target.id;
        this.status = ProposalStatus.MERGED;
        this.closedAt = now;
    }

    private void join(String userId, Instant now) {
        if (!userId.equals(proposer) && coProposer(userId).filter(c -> c.getState() == CoProposerState.CONFIRMED).isEmpty()) {
            coProposer(userId).ifPresentOrElse(c -> c.answer(CoProposerState.CONFIRMED, now),
                    () -> coProposers.add(new CoProposer(coProposers.size() + 1, userId, CoProposerState.CONFIRMED, now)));
        }
    }

    private void decide(ReviewDecision decision, RejectGround ground, String comment, String reviewer, Instant now) {
        requireStatus(ProposalStatus.UNDER_REVIEW);
        reviews.add(new ReviewRecord(decision.name(), ground == null ? null : ground.name(), comment, reviewer, now));
    }

    /** The proposer revises a returned proposal; it goes back to review. */
    public void revise(ProposalText text) {
        requireStatus(ProposalStatus.RETURNED);
        setText(text);
        this.status = ProposalStatus.UNDER_REVIEW;
    }

    // --- deadlines moved by a changed calendar (Rule 13) ---------------------------------------------

    public void moveCoProposersDue(LocalDate due) {
        this.coProposersDue = due;
    }

    public void moveReviewDue(LocalDate due) {
        this.reviewDue = due;
    }

    // --- withdrawal (Rule 10) and publication (Rule 12) ---------------------------------------------

    /** Before filing at will; after filing (with the office's approval) until a reply is sent. */
    public boolean isWithdrawableWithoutApproval() {
        return status == ProposalStatus.AWAITING_CO_PROPOSERS || status == ProposalStatus.UNDER_REVIEW
                || status == ProposalStatus.RETURNED;
    }

    public boolean isWithdrawableWithApproval() {
        return status == ProposalStatus.FILED || status == ProposalStatus.IN_HANDLING;
    }

    public void withdraw(Instant now) {
        if (!isWithdrawableWithoutApproval() && !isWithdrawableWithApproval()) {
            throw new ConflictException("提案当前不能撤回");
        }
        this.status = ProposalStatus.WITHDRAWN;
        this.closedAt = now;
    }

    public void publish(boolean publish, Instant now) {
        if (!publicConsent && publish) {
            throw new ConflictException("提案者未同意公开");
        }
        this.published = publish;
        this.publishedAt = publish ? now : null;
    }

    public void publishReplies(boolean publish) {
        if (!published && publish) {
            throw new ConflictException("提案未公开，不能公开其答复");
        }
        this.repliesPublished = publish;
    }

    // --- handling -----------------------------------------------------------------------------

    public void startHandling() {
        requireStatus(ProposalStatus.FILED);
        this.status = ProposalStatus.IN_HANDLING;
    }

    /** Follows the units: waiting for ratings once every replying unit has replied. */
    public void followUnits(boolean allReplied) {
        if (status != ProposalStatus.IN_HANDLING && status != ProposalStatus.AWAITING_FEEDBACK) {
            return;
        }
        this.status = allReplied ? ProposalStatus.AWAITING_FEEDBACK : ProposalStatus.IN_HANDLING;
    }

    public void close(Instant now) {
        if (status != ProposalStatus.IN_HANDLING && status != ProposalStatus.AWAITING_FEEDBACK) {
            throw new ConflictException("提案当前不能办结");
        }
        this.status = ProposalStatus.CLOSED;
        this.closedAt = now;
    }

    private void requireStatus(ProposalStatus expected) {
        if (status != expected) {
            throw new ConflictException("提案当前状态为" + status + "，不能办理此步骤");
        }
    }

    private void setText(ProposalText text) {
        this.title = text.title();
        this.background = text.background();
        this.suggestions = text.suggestions();
    }

    // --- reading ------------------------------------------------------------------------------

    public boolean isJoint() {
        return !coProposers.isEmpty();
    }

    /** Participants by name: the lead proposer and co-proposers who have not declined or been dropped. */
    public boolean isProposerOrCoProposer(String userId) {
        return proposer.equals(userId) || coProposer(userId)
                .filter(c -> c.getState() == CoProposerState.PENDING || c.getState() == CoProposerState.CONFIRMED)
                .isPresent();
    }

    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public int getSerialNo() {
        return serialNo;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getBackground() {
        return background;
    }

    public String getSuggestions() {
        return suggestions;
    }

    public String getProposer() {
        return proposer;
    }

    public ProposerType getProposerType() {
        return proposerType;
    }

    public ProposalKind getKind() {
        return kind;
    }

    public String getSuggestedCategory() {
        return suggestedCategory;
    }

    public String getCategory() {
        return category;
    }

    public boolean isPublicConsent() {
        return publicConsent;
    }

    public boolean isKeyProposal() {
        return keyProposal;
    }

    public String getSupervisor() {
        return supervisor;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public LocalDate getReviewDue() {
        return reviewDue;
    }

    public LocalDate getReviewOpenedOn() {
        return reviewOpenedOn;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isRepliesPublished() {
        return repliesPublished;
    }

    public LocalDate getCoProposersDue() {
        return coProposersDue;
    }

    public RejectGround getRejectGround() {
        return rejectGround;
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    public String getConvertedTo() {
        return convertedTo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<CoProposer> getCoProposers() {
        return Collections.unmodifiableList(coProposers);
    }

    public List<ReviewRecord> getReviews() {
        return Collections.unmodifiableList(reviews);
    }
}
