package cn.cppcc.proposals.publication;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /public/proposals}: anyone, without logging in. Only what the office published: the
 * proposal's text with its number, category, session and proposer's name, and (once published too)
 * its sent replies; never contact details, drafts, ratings or internal notes.
 */
@RestController
class PublicController {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final cn.cppcc.proposals.identity.Directory directory;

    PublicController(JdbcClient jdbc, Catalog catalog, cn.cppcc.proposals.identity.Directory directory) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
    }

    record PublicItem(long id, String number, String title, String category, String session, String status) {}

    record PublicReply(String unit, String classification, String text, LocalDate committedDate, String reason,
                       java.time.Instant sentAt) {}

    record PublicProposal(long id, String number, String title, String category, String session, String proposer,
                          String proposerType, String background, String suggestions, String status,
                          List<PublicReply> replies) {}

    @GetMapping("/public/proposals")
    Map<String, Object> list(@RequestParam Map<String, String> query) {
        Input input = Input.of(new HashMap<>(query));
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= 100, "size", "每页条数应在1至100之间");
        input.validate();
        int pageSize = size == null ? 20 : size.intValue();
        long total = jdbc.sql("select count(*) from proposals where published = true").query(Long.class).single();
        List<PublicItem> items = jdbc.sql("select p.id, p.number, p.title, p.category, s.code, p.status from proposals p"
                        + " join sessions s on s.id = p.session_id where p.published = true order by p.id desc"
                        + " limit :limit offset :offset")
                .param("limit", pageSize).param("offset", (page == null ? 0 : page) * pageSize)
                .query((rs, n) -> new PublicItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        return Map.of("items", items, "total", total);
    }

    @GetMapping("/public/proposals/{id}")
    PublicProposal proposal(@PathVariable long id) {
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
        List<PublicReply> replies = (Boolean) p[9] ? jdbc.sql("select a.unit_code, r.classification, r.text,"
                        + " r.committed_date, r.reason, r.sent_at from replies r join unit_assignments a on a.id = r.assignment_id"
                        + " where a.proposal_id = ? and r.status = 'SENT' order by r.sent_at")
                .param(id)
                .query((rs, n) -> new PublicReply(catalog.unitName(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list() : List.of();
        String session = catalog.session((Long) p[4]).map(CommitteeSession::getName).orElse("");
        return new PublicProposal((Long) p[0], (String) p[1], (String) p[2], (String) p[3], session,
                directory.displayName((String) p[10]), (String) p[5], (String) p[6], (String) p[7], (String) p[8], replies);
    }
}
