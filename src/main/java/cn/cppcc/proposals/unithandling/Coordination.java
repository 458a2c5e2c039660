package cn.cppcc.proposals.unithandling;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Rule 9: the office's coordination 协调 after a DISSATISFIED rating, opening another round. */
@Entity
@Table(name = "coordinations")
public class Coordination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int round;
    private String note;
    private LocalDate deadline;
    private String coordinatedBy;
    private Instant coordinatedAt;

    protected Coordination() {
    }

    Coordination(int round, String note, LocalDate deadline, String coordinatedBy, Instant coordinatedAt) {
        this.round = round;
        this.note = note;
        this.deadline = deadline;
        this.coordinatedBy = coordinatedBy;
        this.coordinatedAt = coordinatedAt;
    }

    public int getRound() {
        return round;
    }

    public String getNote() {
        return note;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getCoordinatedBy() {
        return coordinatedBy;
    }

    public Instant getCoordinatedAt() {
        return coordinatedAt;
    }
}
