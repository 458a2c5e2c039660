package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.shared.Actor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@code GET /api/proposals}: the proposals the caller may see, filtered and paged. */
@Service
public class ProposalList {

    private final JdbcClient jdbc;

    ProposalList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String status, String category, String unit, String session, String q, int page, int size) {}

    public record Item(long id, int serialNo, String number, String title, String proposer, String category,
                String status, String session, boolean key, Instant createdAt) {}

    public record Page(List<Item> items, long total) {}

    public Page find(Filter filter, Actor actor) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!(actor.isOffice() || actor.isIn(Actor.AUDITORS))) {
            // Members: their own and their joint proposals; units: assigned or forwarded to them;
            // supervisors: their key proposals (API.md "Access").
            List<String> visible = new ArrayList<>();
            visible.add("p.proposer = :me");
            visible.add("exists (select 1 from co_proposers c where c.proposal_id = p.id and c.user_id = :me"
                    + " and c.state in ('PENDING', 'CONFIRMED'))");
            visible.add("(p.key_proposal = true and p.supervisor = :me and :supervisor = true)");
            List<String> units = ProposalAccess.unitsOf(actor);
            if (!units.isEmpty()) {
                visible.add("exists (select 1 from unit_assignments a where a.proposal_id = p.id and a.unit_code in (:myUnits))");
                visible.add("p.converted_to in (:myUnits)");
                params.put("myUnits", units);
            }
            where.append(" and (").append(String.join(" or ", visible)).append(")");
            params.put("me", actor.userId());
            params.put("supervisor", actor.isIn(Actor.SUPERVISORS));
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.category() != null) {
            where.append(" and p.category = :category");
            params.put("category", filter.category());
        }
        if (filter.unit() != null) {
            where.append(" and exists (select 1 from unit_assignments u where u.proposal_id = p.id and u.unit_code = :unit"
                    + " and u.status <> 'REASSIGNED')");
            params.put("unit", filter.unit());
        }
        if (filter.session() != null) {
            where.append(" and s.code = :session");
            params.put("session", filter.session());
        }
        if (filter.q() != null) {
            where.append(" and (lower(p.title) like :q or p.number = :number)");
            params.put("q", "%" + filter.q().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("number", filter.q());
        }
        String from = " from proposals p join sessions s on s.id = p.session_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        List<Item> items = jdbc.sql("select p.id, p.serial_no, p.number, p.title, p.proposer, p.category, p.status,"
                        + " s.code as session_code, p.key_proposal, p.created_at" + from + where
                        + " order by p.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getInt("serial_no"), rs.getString("number"),
                        rs.getString("title"), rs.getString("proposer"), rs.getString("category"),
                        rs.getString("status"), rs.getString("session_code"), rs.getBoolean("key_proposal"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Page(items, total);
    }
}
