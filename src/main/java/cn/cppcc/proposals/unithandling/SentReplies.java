package cn.cppcc.proposals.unithandling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The replies sent to proposers (Rule 7), read from this module's tables for other modules: the
 * search index, the public pages (Rule 12).
 */
@Service
@Transactional(readOnly = true)
public class SentReplies {

    private final JdbcClient jdbc;

    SentReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One sent reply (its latest class, when the office corrected it). */
    public record SentReply(long proposalId, String unitCode, String classification, String text,
                            LocalDate committedDate, String reason, Instant sentAt) {}

    /** The sent replies of each proposal, oldest first. */
    public Map<Long, List<SentReply>> of(Collection<Long> proposalIds) {
        Map<Long, List<SentReply>> replies = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return replies;
        }
        jdbc.sql("select a.proposal_id, a.unit_code, r.classification, r.text, r.committed_date, r.reason, r.sent_at"
                        + " from replies r join unit_assignments a on a.id = r.assignment_id"
                        + " where a.proposal_id in (:ids) and r.status = 'SENT' order by r.sent_at, r.id")
                .param("ids", proposalIds)
                .query((rs, n) -> new SentReply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list()
                .forEach(reply -> replies.computeIfAbsent(reply.proposalId(), k -> new ArrayList<>()).add(reply));
        return replies;
    }

    public List<SentReply> of(long proposalId) {
        return of(List.of(proposalId)).getOrDefault(proposalId, List.of());
    }
}
