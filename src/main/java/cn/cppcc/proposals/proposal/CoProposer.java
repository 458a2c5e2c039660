package cn.cppcc.proposals.proposal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One co-proposer 联名人 of a joint proposal. */
@Entity
@Table(name = "co_proposers")
public class CoProposer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    private String userId;
    @Enumerated(EnumType.STRING)
    private CoProposerState state;
    private Instant answeredAt;

    protected CoProposer() {
    }

    CoProposer(int position, String userId, CoProposerState state, Instant answeredAt) {
        this.position = position;
        this.userId = userId;
        this.state = state;
        this.answeredAt = answeredAt;
    }

    public String getUserId() {
        return userId;
    }

    public CoProposerState getState() {
        return state;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public int getPosition() {
        return position;
    }

    void answer(CoProposerState state, Instant at) {
        this.state = state;
        this.answeredAt = at;
    }
}
