package cn.cppcc.proposals.proposal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the proposal module's tables (proposals, co_proposers) for other modules: the search
 * index's documents, the published proposals, a number's proposals. Other modules ask here
 * instead of reading the tables.
 */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

    private final JdbcClient jdbc;

    ProposalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the search index keeps of a proposal.
     *
     * @param category     its category, or the member's suggested one before filing
     * @param participants the lead proposer and the co-proposers who have not declined or been dropped
     */
    public record ProposalDocument(long id, String number, String title, String background, String suggestions,
                                   String category, String status, long sessionId, Set<String> participants) {}

    /** One published proposal (Rule 12), as the public pages list it. */
    public record PublishedProposal(long id, String number, String title, String category, long sessionId,
                                    String proposer, String proposerType, String background, String suggestions,
                                    String status, boolean repliesPublished) {}

    public List<Long> allIds() {
        return jdbc.sql("select id from proposals order by id").query(Long.class).list();
    }

    /** The proposals of {@code ids} that exist, by id. */
    public List<ProposalDocument> documents(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> participants = new HashMap<>();
        jdbc.sql("select p.id, p.proposer from proposals p where p.id in (:ids)"
                        + " union all select c.proposal_id, c.user_id from co_proposers c"
                        + " where c.proposal_id in (:ids) and c.state in ('PENDING', 'CONFIRMED')")
                .param("ids", ids)
                .query((rs, n) -> participants.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("select id, number, title, background, suggestions, coalesce(category, suggested_category),"
                        + " status, session_id from proposals where id in (:ids) order by id")
                .param("ids", ids)
                .query((rs, n) -> new ProposalDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                        participants.getOrDefault(rs.getLong(1), Set.of())))
                .list();
    }

    public long countPublished() {
        return jdbc.sql("select count(*) from proposals where published = true").query(Long.class).single();
    }

    /** Published proposals, newest first. */
    public List<PublishedProposal> published(long offset, int limit) {
        return jdbc.sql(PUBLISHED + " where published = true order by id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> published(rs)).list();
    }

    public java.util.Optional<PublishedProposal> publishedProposal(long id) {
        return jdbc.sql(PUBLISHED + " where id = :id and published = true").param("id", id)
                .query((rs, n) -> published(rs)).optional();
    }

    /** The proposals of a number 提案号 (one per session at most). */
    public List<Long> idsOfNumber(String number) {
        return jdbc.sql("select id from proposals where number = ?").param(number).query(Long.class).list();
    }

    /** The proposals with this number 提案号 (numbers repeat across sessions), of one session when given. */
    public List<Long> idsOfNumber(String number, Long sessionId) {
        return sessionId == null ? idsOfNumber(number)
                : jdbc.sql("select id from proposals where number = ? and session_id = ?").params(number, sessionId)
                        .query(Long.class).list();
    }

    private static final String PUBLISHED = "select id, number, title, category, session_id, proposer, proposer_type,"
            + " background, suggestions, status, replies_published from proposals";

    private static PublishedProposal published(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PublishedProposal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11));
    }
}
