package cn.cppcc.proposals.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A session 届次/会议 of the committee, e.g. 第十届第六次会议. Proposals submitted in its plenary
 * window are plenary proposals 大会提案, the others interim ones 平时提案 (Rule 1).
 */
@Entity
@Table(name = "sessions")
public class CommitteeSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Column(name = "session_year")
    private int year;
    private LocalDate plenaryOpens;
    private LocalDate submissionDeadline;
    @Column(name = "is_current")
    private boolean current;

    protected CommitteeSession() {
    }

    CommitteeSession(String code, String name, int year, LocalDate plenaryOpens, LocalDate submissionDeadline) {
        this.code = code;
        this.name = name;
        this.year = year;
        this.plenaryOpens = plenaryOpens;
        this.submissionDeadline = submissionDeadline;
    }

    /** Rule 1: within the plenary window, from {@code monthsBefore} before the opening to the deadline. */
    public boolean isPlenaryWindow(LocalDate day, int monthsBefore) {
        return !day.isBefore(plenaryOpens.minusMonths(monthsBefore)) && !day.isAfter(submissionDeadline);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getYear() {
        return year;
    }

    public LocalDate getPlenaryOpens() {
        return plenaryOpens;
    }

    public LocalDate getSubmissionDeadline() {
        return submissionDeadline;
    }

    public boolean isCurrent() {
        return current;
    }

    void setCurrent(boolean current) {
        this.current = current;
    }
}
