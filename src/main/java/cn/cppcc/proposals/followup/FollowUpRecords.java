package cn.cppcc.proposals.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import cn.cppcc.proposals.unithandling.UnitAssignment;
import cn.cppcc.proposals.unithandling.UnitAssignmentService;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The recorded follow-ups 回头看 of a proposal's units. */
@Service
public class FollowUpRecords {

    public record FollowUp(String unit, LocalDate due, String result, String by, Instant at) {}

    private final JdbcClient jdbc;
    private final UnitAssignmentService assignments;

    FollowUpRecords(JdbcClient jdbc, UnitAssignmentService assignments) {
        this.jdbc = jdbc;
        this.assignments = assignments;
    }

    public List<FollowUp> of(long proposalId) {
        Map<Long, String> units = assignments.ofProposal(proposalId).stream()
                .collect(Collectors.toMap(UnitAssignment::getId, UnitAssignment::getUnitCode));
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select assignment_id, due, result, recorded_by, recorded_at from follow_ups"
                        + " where assignment_id in (:assignments) order by id")
                .param("assignments", units.keySet())
                .query((rs, n) -> new FollowUp(units.get(rs.getLong(1)), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }
}
