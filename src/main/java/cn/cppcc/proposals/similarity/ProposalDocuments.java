package cn.cppcc.proposals.similarity;

import cn.cppcc.proposals.similarity.IndexedProposal.SentReply;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what the index keeps of proposals from the database, as committed. */
@Component
class ProposalDocuments {

    private final JdbcClient jdbc;

    ProposalDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders sessions: by the day the plenary opens, earlier sessions first. */
    static long sessionOrder(LocalDate plenaryOpens) {
        return plenaryOpens.toEpochDay();
    }

    List<Long> allIds() {
        return jdbc.sql("select id from proposals order by id").query(Long.class).list();
    }

    /** The proposals of {@code ids} that exist, with their participants and sent replies. */
    List<IndexedProposal> load(Collection<Long> ids) {
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
        Map<Long, List<SentReply>> replies = new HashMap<>();
        jdbc.sql("select a.proposal_id, a.unit_code, r.classification, r.text from replies r"
                        + " join unit_assignments a on a.id = r.assignment_id"
                        + " where a.proposal_id in (:ids) and r.status = 'SENT' order by r.sent_at, r.id")
                .param("ids", ids)
                .query((rs, n) -> replies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new SentReply(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        return jdbc.sql("select p.id, p.number, p.title, p.background, p.suggestions,"
                        + " coalesce(p.category, p.suggested_category) as category, p.status, s.code, s.plenary_opens"
                        + " from proposals p join sessions s on s.id = p.session_id where p.id in (:ids) order by p.id")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new IndexedProposal(id, rs.getString("number"), rs.getString("title"),
                            rs.getString("background"), rs.getString("suggestions"), rs.getString("category"),
                            rs.getString("status"), rs.getString("code"),
                            sessionOrder(rs.getObject("plenary_opens", LocalDate.class)),
                            participants.getOrDefault(id, Set.of()), replies.getOrDefault(id, List.of()));
                })
                .list();
    }
}
