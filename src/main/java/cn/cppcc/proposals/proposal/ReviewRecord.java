package cn.cppcc.proposals.proposal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One review decision of the office, also an earlier one that returned the proposal. */
@Entity
@Table(name = "reviews")
public class ReviewRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String decision;
    private String rejectGround;
    private String comment;
    private String reviewer;
    private Instant decidedAt;

    protected ReviewRecord() {
    }

    ReviewRecord(String decision, String rejectGround, String comment, String reviewer, Instant decidedAt) {
        this.decision = decision;
        this.rejectGround = rejectGround;
        this.comment = comment;
        this.reviewer = reviewer;
        this.decidedAt = decidedAt;
    }

    public String getDecision() {
        return decision;
    }

    public String getRejectGround() {
        return rejectGround;
    }

    public String getComment() {
        return comment;
    }

    public String getReviewer() {
        return reviewer;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
