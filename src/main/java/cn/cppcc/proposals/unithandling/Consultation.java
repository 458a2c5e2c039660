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

/** Rule 6: one consultation 办理协商 with the proposer. */
@Entity
@Table(name = "consultations")
public class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ConsultationMethod method;
    private LocalDate heldOn;
    private String participants;
    private String summary;
    private String recordedBy;
    private Instant recordedAt;

    protected Consultation() {
    }

    Consultation(ConsultationMethod method, LocalDate heldOn, String participants, String summary,
            String recordedBy, Instant recordedAt) {
        this.method = method;
        this.heldOn = heldOn;
        this.participants = participants;
        this.summary = summary;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public ConsultationMethod getMethod() {
        return method;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getParticipants() {
        return participants;
    }

    public String getSummary() {
        return summary;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
