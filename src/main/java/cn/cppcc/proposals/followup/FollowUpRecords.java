package cn.cppcc.proposals.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The recorded follow-ups 回头看 of a proposal's units. */
@Service
public class FollowUpRecords {

    public record FollowUp(String unit, LocalDate due, String result, String by, Instant at) {}

    private final JdbcClient jdbc;

    FollowUpRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FollowUp> of(long proposalId) {
        return jdbc.sql("select a.unit_code, f.due, f.result, f.recorded_by, f.recorded_at from follow_ups f"
                        + " join unit_assignments a on a.id = f.assignment_id where a.proposal_id = ? order by f.id")
                .param(proposalId)
                .query((rs, n) -> new FollowUp(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }
}
