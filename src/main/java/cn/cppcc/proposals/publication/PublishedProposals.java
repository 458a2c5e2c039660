package cn.cppcc.proposals.publication;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rule 12: what the office published, for anyone ({@code /public/proposals} and the pages
 * {@code /published}): the proposal's text with its number, category, session and proposer's name,
 * and, once they are published too, its sent replies; never contact details, drafts, ratings or
 * internal notes. A proposal not published is unknown (404).
 */
@Service
public class PublishedProposals {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;

    PublishedProposals(JdbcClient jdbc, Catalog catalog, Directory directory) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
    }

    /** @param session the session's code */
    public record Item(long id, String number, String title, String category, String session, String status) {}

    public record Page(List<Item> items, long total) {}

    /** @param unit the unit's name */
    public record Reply(String unit, String classification, String text, LocalDate committedDate, String reason,
                        Instant sentAt) {}

    /**
     * @param session  the session's name
     * @param proposer the lead proposer's name
     * @param replies  the sent replies, oldest first, once the office published them; else empty
     */
    public record Published(long id, String number, String title, String category, String session, String proposer,
                            String proposerType, String background, String suggestions, String status,
                            List<Reply> replies) {}

    /** Newest first; {@code page} from 0, {@code size} 1 to 100 (default {@code defaultSize}). */
    public Page list(Map<String, String> query, int defaultSize) {
        Input input = Input.of(new HashMap<>(query));
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= 100, "size", "每页条数应在1至100之间");
        input.validate();
        int pageSize = size == null ? defaultSize : size.intValue();
        long total = jdbc.sql("select count(*) from proposals where published = true").query(Long.class).single();
        List<Item> items = jdbc.sql("select p.id, p.number, p.title, p.category, s.code, p.status from proposals p"
                        + " join sessions s on s.id = p.session_id where p.published = true order by p.id desc"
                        + " limit :limit offset :offset")
                .param("limit", pageSize).param("offset", (page == null ? 0 : page) * pageSize)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        return new Page(items, total);
    }

    public Published proposal(long id) {
        var rows = jdbc.sql("select p.id, p.number, p.title, p.category, p.session_id, p.proposer_type, p.background,"
                        + " p.suggestions, p.status, p.replies_published, p.proposer from proposals p where p.id = ? and p.published = true")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11)})
                .list();
        if (rows.isEmpty()) {
            throw new NotFoundException("没有该公开提案：" + id);
        }
        Object[] p = rows.get(0);
        List<Reply> replies = (Boolean) p[9] ? jdbc.sql("select a.unit_code, r.classification, r.text,"
                        + " r.committed_date, r.reason, r.sent_at from replies r join unit_assignments a on a.id = r.assignment_id"
                        + " where a.proposal_id = ? and r.status = 'SENT' order by r.sent_at")
                .param(id)
                .query((rs, n) -> new Reply(catalog.unitName(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list() : List.of();
        String session = catalog.session((Long) p[4]).map(CommitteeSession::getName).orElse("");
        return new Published((Long) p[0], (String) p[1], (String) p[2], (String) p[3], session,
                directory.displayName((String) p[10]), (String) p[5], (String) p[6], (String) p[7], (String) p[8], replies);
    }
}
