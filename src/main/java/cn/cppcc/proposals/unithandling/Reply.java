package cn.cppcc.proposals.unithandling;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rule 7: a reply 答复 drafted by a unit, signed off 签发 by its leader and sent; then Rule 9: the
 * proposer's rating of it.
 */
@Entity
@Table(name = "replies")
public class Reply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int round;
    private String classification;
    private String text;
    private LocalDate committedDate;
    private String reason;
    private String responsibleLeader;
    private String leaderPhone;
    private String handlerName;
    private String handlerPhone;
    @Enumerated(EnumType.STRING)
    private ReplyStatus status;
    private String draftedBy;
    private Instant draftedAt;
    private String signedBy;
    private Instant signedAt;
    private String signOffComment;
    private Instant sentAt;
    private LocalDate feedbackDue;
    @Enumerated(EnumType.STRING)
    private Rating rating;
    private Boolean faceToFace;
    private String ratingComment;
    private String ratedBy;
    private Instant ratedAt;
    private String originalClassification;
    private String classCorrectedBy;
    private Instant classCorrectedAt;
    private String classCorrectionReason;

    protected Reply() {
    }

    Reply(int round, ReplyDraft draft, String draftedBy, Instant draftedAt) {
        this.round = round;
        this.classification = draft.classification();
        this.text = draft.text();
        this.committedDate = draft.committedDate();
        this.reason = draft.reason();
        this.responsibleLeader = draft.responsibleLeader();
        this.leaderPhone = draft.leaderPhone();
        this.handlerName = draft.handlerName();
        this.handlerPhone = draft.handlerPhone();
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.status = ReplyStatus.AWAITING_SIGN_OFF;
    }

    void signOff(boolean approve, String leader, String comment, Instant now) {
        this.signedBy = leader;
        this.signedAt = now;
        this.signOffComment = comment;
        this.status = approve ? ReplyStatus.AWAITING_SIGN_OFF : ReplyStatus.RETURNED;
    }

    /**
     * Rule 7: the office corrects the class of a sent reply, with its reason; the unit's own class is
     * kept. A B class needs its committed date, a C class its reason, as when drafting.
     */
    void correctClass(String classification, LocalDate committedDate, String reason, String correctionReason,
            String by, Instant now) {
        if (originalClassification == null) {
            originalClassification = this.classification;
        }
        this.classification = classification;
        this.committedDate = committedDate;
        this.reason = reason;
        this.classCorrectionReason = correctionReason;
        this.classCorrectedBy = by;
        this.classCorrectedAt = now;
    }

    void send(Instant now, LocalDate feedbackDue) {
        this.status = ReplyStatus.SENT;
        this.sentAt = now;
        this.feedbackDue = feedbackDue;
    }

    /** Rule 13: a holiday added later moves the running feedback window. */
    public void moveFeedbackDue(LocalDate due) {
        this.feedbackDue = due;
    }

    void rate(Rating rating, Boolean faceToFace, String comment, String ratedBy, Instant now) {
        this.rating = rating;
        this.faceToFace = faceToFace;
        this.ratingComment = comment;
        this.ratedBy = ratedBy;
        this.ratedAt = now;
    }

    public Long getId() {
        return id;
    }

    public int getRound() {
        return round;
    }

    public String getClassification() {
        return classification;
    }

    public String getText() {
        return text;
    }

    public LocalDate getCommittedDate() {
        return committedDate;
    }

    public String getReason() {
        return reason;
    }

    public String getResponsibleLeader() {
        return responsibleLeader;
    }

    public String getLeaderPhone() {
        return leaderPhone;
    }

    public String getHandlerName() {
        return handlerName;
    }

    public String getHandlerPhone() {
        return handlerPhone;
    }

    public ReplyStatus getStatus() {
        return status;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Instant getDraftedAt() {
        return draftedAt;
    }

    public String getSignedBy() {
        return signedBy;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getSignOffComment() {
        return signOffComment;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public LocalDate getFeedbackDue() {
        return feedbackDue;
    }

    public Rating getRating() {
        return rating;
    }

    public Boolean getFaceToFace() {
        return faceToFace;
    }

    public String getRatingComment() {
        return ratingComment;
    }

    public String getRatedBy() {
        return ratedBy;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public String getOriginalClassification() {
        return originalClassification;
    }

    public String getClassCorrectedBy() {
        return classCorrectedBy;
    }

    public Instant getClassCorrectedAt() {
        return classCorrectedAt;
    }

    public String getClassCorrectionReason() {
        return classCorrectionReason;
    }
}
