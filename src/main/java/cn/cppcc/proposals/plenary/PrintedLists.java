package cn.cppcc.proposals.plenary;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.Category;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.proposal.CoProposerState;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.unithandling.UnitStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rule 17's printed lists: a unit's 交办单 (the proposals assigned to it in a session, with its part
 * and deadline) and a session's 立案目录 (the filed proposals by category). They read the
 * {@code plenary_} views of V29__plenary_views.sql only, never another module's tables.
 */
@Service
public class PrintedLists {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final MessageSource messages;
    private final ProposalClock clock;
    private final PlenarySettings settings;

    PrintedLists(JdbcClient jdbc, Catalog catalog, Directory directory, MessageSource messages, ProposalClock clock,
            PlenarySettings settings) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * One proposal on a list.
     *
     * @param proposers the lead proposer first, then the co-proposers who confirmed, by name
     * @param role      the unit's part in Chinese (主办, 会办, 分办, 单独承办); {@code null} in a catalogue
     * @param deadline  the unit's reply deadline; {@code null} in a catalogue
     */
    public record Line(long proposalId, String number, String title, String proposers, String role,
                       LocalDate deadline) {}

    /** A unit's 交办单 for a session. */
    public record DispatchList(String header, String unitCode, String unitName, String sessionCode,
                               String sessionName, LocalDate printedOn, List<Line> lines) {}

    /** A session's 立案目录: the filed proposals by category, in the categories' order. */
    public record Catalogue(String header, String sessionCode, String sessionName, LocalDate printedOn,
                            Map<String, List<Line>> byCategory) {

        public int count() {
            return byCategory.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * The unit's 交办单: the office's, and the unit's own (its handlers and leaders).
     *
     * @throws NotFoundException for an unknown unit or session (404)
     * @throws ForbiddenException for anyone else (403)
     */
    public DispatchList dispatchList(String unitCode, String sessionCode, Actor actor) {
        String unitName = catalog.unit(unitCode).orElseThrow(() -> new NotFoundException("没有该承办单位：" + unitCode))
                .getName();
        if (!actor.isOffice() && !actor.handles(unitCode) && !actor.leads(unitCode)) {
            throw new ForbiddenException("只有提案委员会和本单位可以查看交办单");
        }
        CommitteeSession session = session(sessionCode);
        List<Line> lines = jdbc.sql("select p.id, p.number, p.serial_no, p.title, p.proposer, a.role, a.deadline"
                        + " from plenary_unit_assignments a join plenary_proposals p on p.id = a.proposal_id"
                        + " where a.unit_code = :unit and p.session_id = :session and a.status <> :reassigned"
                        + " and p.status <> :withdrawn order by p.number, p.serial_no")
                .param("unit", unitCode).param("session", session.getId())
                .param("reassigned", UnitStatus.REASSIGNED.name()).param("withdrawn", ProposalStatus.WITHDRAWN.name())
                .query((rs, n) -> new Line(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        rs.getString("proposer"), label("unitRole." + rs.getString("role")),
                        rs.getObject("deadline", LocalDate.class)))
                .list();
        Map<Long, String> names = proposers(lines);
        return new DispatchList(settings.header(), unitCode, unitName, session.getCode(), session.getName(),
                clock.today(), lines.stream().map(l -> new Line(l.proposalId(), l.number(), l.title(),
                        names.get(l.proposalId()), l.role(), l.deadline())).toList());
    }

    /** The units with a 交办单 in the session: every unit that has a part in one of its proposals. */
    public List<String> unitsWithLists(String sessionCode, Actor actor) {
        officeOnly(actor);
        CommitteeSession session = session(sessionCode);
        return jdbc.sql("select distinct a.unit_code from plenary_unit_assignments a join plenary_proposals p"
                        + " on p.id = a.proposal_id where p.session_id = :session and a.status <> :reassigned"
                        + " and p.status <> :withdrawn order by a.unit_code")
                .param("session", session.getId()).param("reassigned", UnitStatus.REASSIGNED.name())
                .param("withdrawn", ProposalStatus.WITHDRAWN.name())
                .query(String.class).list();
    }

    /**
     * The session's 立案目录: the office's and auditors'. Every proposal filed in it that was not
     * withdrawn since, by category in the categories' order, each by number.
     */
    public Catalogue catalogue(String sessionCode, Actor actor) {
        if (!actor.isOffice() && !actor.isIn(Actor.AUDITORS)) {
            throw new ForbiddenException("只有提案委员会和审计监督人员可以查看立案目录");
        }
        CommitteeSession session = session(sessionCode);
        record Filed(Line line, String category) {}
        List<Filed> filed = jdbc.sql("select p.id, p.number, p.title, p.proposer, p.category from plenary_proposals p"
                        + " where p.session_id = :session and p.number is not null and p.status <> :withdrawn"
                        + " order by p.number")
                .param("session", session.getId()).param("withdrawn", ProposalStatus.WITHDRAWN.name())
                .query((rs, n) -> new Filed(new Line(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        rs.getString("proposer"), null, null), rs.getString("category")))
                .list();
        Map<Long, String> names = proposers(filed.stream().map(Filed::line).toList());
        Map<String, List<Line>> byCategory = new LinkedHashMap<>();
        catalog.categories().stream().map(Category::getName).forEach(name -> byCategory.put(name, new ArrayList<>()));
        for (Filed f : filed) {
            Line l = f.line();
            byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>())
                    .add(new Line(l.proposalId(), l.number(), l.title(), names.get(l.proposalId()), null, null));
        }
        byCategory.values().removeIf(List::isEmpty);
        return new Catalogue(settings.header(), session.getCode(), session.getName(), clock.today(), byCategory);
    }

    /**
     * The proposers of each line's proposal by name: the lead proposer (the line's {@code proposers}
     * holds their user id) and then the co-proposers who confirmed.
     */
    private Map<Long, String> proposers(List<Line> lines) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        lines.forEach(l -> names.computeIfAbsent(l.proposalId(),
                id -> new ArrayList<>(List.of(directory.displayName(l.proposers())))));
        List<Long> ids = List.copyOf(names.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select proposal_id, user_id from plenary_co_proposers where proposal_id in (:ids)"
                            + " and state = :confirmed order by proposal_id, position")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .param("confirmed", CoProposerState.CONFIRMED.name())
                    .query((rs, n) -> names.get(rs.getLong("proposal_id")).add(directory.displayName(rs.getString("user_id"))))
                    .list();
        }
        Map<Long, String> joined = new LinkedHashMap<>();
        names.forEach((id, list) -> joined.put(id, String.join("、", list)));
        return joined;
    }

    private CommitteeSession session(String code) {
        return catalog.session(code).orElseThrow(() -> new NotFoundException("没有该届次：" + code));
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static void officeOnly(Actor actor) {
        if (!actor.isOffice()) {
            throw new ForbiddenException("只有提案委员会可以下载全部交办单");
        }
    }
}
