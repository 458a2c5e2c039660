package cn.cppcc.proposals.supervision;

import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.ProposalClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.cppcc.proposals.workflow.StepSubjects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** Supervision notes, and who supervises: the office, and the supervisor of a key proposal. */
@Service
public class SupervisionService {

    /** OVERDUE: a reply past its deadline (Rule 8). KEY: the supervision of a key proposal. */
    public enum Kind { OVERDUE, KEY }

    public record Note(String unit, String kind, String note, String by, Instant at) {}

    private final JdbcClient jdbc;
    private final ProposalService proposals;
    private final ProposalClock clock;

    SupervisionService(JdbcClient jdbc, ProposalService proposals, ProposalClock clock) {
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.clock = clock;
    }

    void record(long proposalId, String unitCode, Kind kind, String note, String by) {
        jdbc.sql("insert into supervision_notes (proposal_id, unit_code, kind, note, noted_by, noted_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(proposalId, unitCode, kind.name(), note, by, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
                .update();
    }

    public List<Note> notes(long proposalId) {
        return jdbc.sql("select unit_code, kind, note, noted_by, noted_at from supervision_notes where proposal_id = ? order by id")
                .param(proposalId)
                .query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The candidate users of an overdue supervision task besides the office: a key proposal's supervisor. */
    public List<String> supervisorsOf(long proposalId) {
        Proposal proposal = proposals.require(proposalId);
        return proposal.isKeyProposal() && proposal.getSupervisor() != null ? List.of(proposal.getSupervisor()) : List.of();
    }

    /** Read by Task_SuperviseOverdue's candidate users expression; public because JUEL only calls methods of public classes. */
    @Component("supervision")
    public static class Candidates {
        private final SupervisionService supervision;

        Candidates(SupervisionService supervision) {
            this.supervision = supervision;
        }

        public List<String> candidates(DelegateExecution execution) {
            return supervision.supervisorsOf(StepSubjects.proposalIdOf(execution));
        }
    }
}
