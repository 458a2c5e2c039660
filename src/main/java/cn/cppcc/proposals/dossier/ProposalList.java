package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.unithandling.ConsultationMethod;
import cn.cppcc.proposals.unithandling.Rating;
import cn.cppcc.proposals.unithandling.ReplyStatus;
import cn.cppcc.proposals.unithandling.UnitRole;
import cn.cppcc.proposals.unithandling.UnitStatus;
import cn.cppcc.proposals.proposal.ProposalAccess;
import cn.cppcc.proposals.proposal.ProposalStatus;
import cn.cppcc.proposals.proposal.ProposerType;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.shared.ProposalSettings;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/proposals} and the list page: the proposals the caller may see, filtered and
 * paged.
 *
 * <p>Besides status, category, unit, session and text, the list takes the filters that the
 * reports' figures are made of (report/ReportQueries), so that every figure of the dashboard links
 * to the list behind it and the list has exactly as many items as the figure says: the year of
 * submission, of filing or of closing (in {@code proposals.zone}), key proposals, filed, assigned;
 * and the state of a unit's part. With one of the latter ({@link Figures#perUnit()}) the items are
 * <em>unit assignments</em> that owe a reply, as the reports count them: one item per proposal and
 * unit, never a unit reassigned away nor a co-unit 会办.
 *
 * <p>The SQL reads the {@code dossier_} views of V25__read_views.sql, one per table of another
 * module with the columns used here, never those tables themselves.
 */
@Service
public class ProposalList {

    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2200;

    private final JdbcClient jdbc;
    private final ProposalClock clock;
    private final ProposalSettings settings;

    ProposalList(JdbcClient jdbc, ProposalClock clock, ProposalSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * What to list; {@code null} or {@link Figures#NONE} leaves a filter out.
     *
     * @param role         the unit's part (LEAD, CO, SEPARATE, SINGLE): with {@code unit} that unit's,
     *                     else any unit's (API.md "The plenary week")
     * @param proposerType who submitted it (MEMBER, JOINT, PARTY, ORGANISATION, COMMITTEE)
     * @param sort         the order: one of {@link #SORTS}, descending with a leading {@code -};
     *                     {@code null} for the newest first
     */
    public record Filter(String status, String category, String unit, String session, String q, int page, int size,
                         Figures figures, String role, String proposerType, String sort) {

        public Filter {
            figures = figures == null ? Figures.NONE : figures;
        }

        public Filter(String status, String category, String unit, String session, String q, int page, int size,
                Figures figures) {
            this(status, category, unit, session, q, page, size, figures, null, null, null);
        }

        public Filter(String status, String category, String unit, String session, String q, int page, int size) {
            this(status, category, unit, session, q, page, size, Figures.NONE);
        }

        /** The same filter on another page, or with another order. */
        public Filter withPage(int page, int size) {
            return new Filter(status, category, unit, session, q, page, size, figures, role, proposerType, sort);
        }

        /** The filter as query parameters of {@code /proposals} and {@code GET /api/proposals}, without paging. */
        public Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            put(query, "q", q);
            put(query, "status", status);
            put(query, "category", category);
            put(query, "unit", unit);
            put(query, "role", role);
            put(query, "session", session);
            put(query, "proposerType", proposerType);
            query.putAll(figures.query());
            put(query, "sort", sort);
            return query;
        }
    }

    /** The orders of the list, by the name {@code sort} takes. */
    public static final List<String> SORTS = List.of("number", "serialNo", "title", "category", "status",
            "createdAt", "deadline");

    /**
     * The filters of the reports' figures.
     *
     * @param submittedIn year the proposal was submitted
     * @param filedIn     year it was filed 立案 (implies filed)
     * @param closedIn    year it was closed (rejected, converted, merged, withdrawn, 办结)
     * @param filed       filed 立案 at some time (or not)
     * @param assigned    assigned to at least one unit not reassigned away (or not)
     * @param replying    per unit: {@code true} the unit assignments that owe a reply (every per-unit
     *                    filter implies it), {@code false} the co-units' 会办, which owe none
     * @param replied     per unit: a signed-off reply was sent
     * @param onTime      per unit: the first reply was sent by the deadline set at assignment
     * @param faceToFace  per unit: a face-to-face consultation is recorded
     * @param overdue     per unit: the deadline has passed without a reply in the current round
     * @param reHandled   per unit: handled again after DISSATISFIED
     * @param ratings     per unit: the latest rating is one of these
     * @param replyClass  per unit: the latest sent reply has this class
     */
    public record Figures(Boolean key, Integer submittedIn, Integer filedIn, Integer closedIn, Boolean filed,
                          Boolean assigned, Boolean replying, Boolean replied, Boolean onTime, Boolean faceToFace,
                          Boolean overdue, Boolean reHandled, List<String> ratings, String replyClass) {

        public static final Figures NONE = new Figures(null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(), null);

        public Figures {
            ratings = ratings == null ? List.of() : List.copyOf(ratings);
        }

        /** Whether the items are unit assignments rather than proposals. */
        public boolean perUnit() {
            return replying != null || replied != null || onTime != null || faceToFace != null || overdue != null
                    || reHandled != null || !ratings.isEmpty() || replyClass != null;
        }

        public boolean isEmpty() {
            return equals(NONE);
        }

        Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            put(query, "key", key);
            put(query, "submittedIn", submittedIn);
            put(query, "filedIn", filedIn);
            put(query, "closedIn", closedIn);
            put(query, "filed", filed);
            put(query, "assigned", assigned);
            put(query, "replying", replying);
            put(query, "replied", replied);
            put(query, "onTime", onTime);
            put(query, "faceToFace", faceToFace);
            put(query, "overdue", overdue);
            put(query, "reHandled", reHandled);
            put(query, "rating", ratings.isEmpty() ? null : String.join(",", ratings));
            put(query, "replyClass", replyClass);
            return query;
        }
    }

    /**
     * One proposal, or one unit's part in it when the filter is {@link Figures#perUnit() per unit}.
     *
     * @param unit the unit's code of a per-unit item, else {@code null} (and left out of the JSON)
     */
    public record Item(long id, int serialNo, String number, String title, String proposer, String category,
                String status, String session, boolean key, Instant createdAt,
                @JsonInclude(JsonInclude.Include.NON_NULL) String unit, String proposerType,
                @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate deadline) {}

    public record Page(List<Item> items, long total) {}

    /**
     * Reads a filter from query parameters (API.md's and the additions in the README); bad values
     * fail with the field's Chinese message.
     */
    public Filter read(Map<String, String> parameters, int defaultSize, int maxSize) {
        Input input = Input.of(new HashMap<>(parameters));
        ProposalStatus status = input.optionalEnum("status", ProposalStatus.class);
        String category = input.text("category", 50);
        String unit = input.text("unit", 32);
        String session = input.text("session", 32);
        String q = input.text("q", 100);
        Long page = input.number("page");
        Long size = input.number("size");
        input.check(page == null || page >= 0 && page <= 100_000, "page", "页码无效");
        input.check(size == null || size >= 1 && size <= maxSize, "size", "每页条数应在1至" + maxSize + "之间");
        Boolean key = input.optionalBoolean("key");
        Integer submittedIn = year(input, "submittedIn");
        Integer filedIn = year(input, "filedIn");
        Integer closedIn = year(input, "closedIn");
        Boolean filed = input.optionalBoolean("filed");
        Boolean assigned = input.optionalBoolean("assigned");
        Boolean replying = input.optionalBoolean("replying");
        Boolean replied = input.optionalBoolean("replied");
        Boolean onTime = input.optionalBoolean("onTime");
        Boolean faceToFace = input.optionalBoolean("faceToFace");
        Boolean overdue = input.optionalBoolean("overdue");
        Boolean reHandled = input.optionalBoolean("reHandled");
        List<String> ratings = input.list("rating", Rating.values().length, 32);
        for (String rating : ratings) {
            input.check(List.of(Rating.values()).stream().anyMatch(r -> r.name().equals(rating)), "rating",
                    "取值无效，可选：SATISFIED、BASICALLY_SATISFIED、DISSATISFIED、NO_RESPONSE");
        }
        String replyClass = input.text("replyClass", 8);
        if (replyClass != null) {
            input.check(settings.reply().replyClass(replyClass).isPresent(), "replyClass", "没有该答复类别");
        }
        UnitRole role = input.optionalEnum("role", UnitRole.class);
        ProposerType proposerType = input.optionalEnum("proposerType", ProposerType.class);
        String sort = input.text("sort", 20);
        if (sort != null) {
            input.check(SORTS.contains(sort.startsWith("-") ? sort.substring(1) : sort), "sort",
                    "取值无效，可选：" + String.join("、", SORTS) + "（前加-为倒序）");
        }
        input.validate();
        return new Filter(status == null ? null : status.name(), category, unit, session, q,
                page == null ? 0 : page.intValue(), size == null ? defaultSize : size.intValue(),
                new Figures(key, submittedIn, filedIn, closedIn, filed, assigned, replying, replied, onTime, faceToFace,
                        overdue, reHandled, ratings.stream().distinct().toList(), replyClass),
                role == null ? null : role.name(), proposerType == null ? null : proposerType.name(), sort);
    }

    public Page find(Filter filter, Actor actor) {
        Query query = query(filter, actor);
        long total = jdbc.sql("select count(*)" + query.from + query.where).params(query.params).query(Long.class).single();
        return new Page(items(filter, query, filter.size(), (long) filter.page() * filter.size()), total);
    }

    /**
     * Every item of the filter, in its order, without paging: what the export writes (at most
     * {@code max}; the caller says when there are more).
     */
    public List<Item> all(Filter filter, Actor actor, int max) {
        return items(filter, query(filter, actor), max, 0);
    }

    private List<Item> items(Filter filter, Query query, int limit, long offset) {
        boolean perUnit = filter.figures().perUnit();
        query.params.put("limit", limit);
        query.params.put("offset", offset);
        String deadline = perUnit ? "a.deadline" : "(select min(d.deadline) from dossier_unit_assignments d"
                + " where d.proposal_id = p.id and d.status <> :reassigned)";
        return jdbc.sql("select p.id, p.serial_no, p.number, p.title, p.proposer, p.category, p.status,"
                        + " s.code as session_code, p.key_proposal, p.created_at, p.proposer_type, " + deadline
                        + " as deadline" + (perUnit ? ", a.unit_code" : ", null as unit_code") + query.from + query.where
                        + " order by " + order(filter.sort(), deadline) + (perUnit ? ", a.unit_code" : "")
                        + " limit :limit offset :offset")
                .params(query.params)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getInt("serial_no"), rs.getString("number"),
                        rs.getString("title"), rs.getString("proposer"), rs.getString("category"),
                        rs.getString("status"), rs.getString("session_code"), rs.getBoolean("key_proposal"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("unit_code"),
                        rs.getString("proposer_type"), rs.getObject("deadline", LocalDate.class)))
                .list();
    }

    /**
     * The order of {@code sort}; what has no value (no number yet, no deadline) comes last either way,
     * and the newest first among equals. Portable: no {@code nulls last}.
     */
    private static String order(String sort, String deadline) {
        if (sort == null) {
            return "p.id desc";
        }
        boolean descending = sort.startsWith("-");
        String column = switch (descending ? sort.substring(1) : sort) {
            case "number" -> "p.number";
            case "serialNo" -> "p.serial_no";
            case "title" -> "p.title";
            case "category" -> "p.category";
            case "status" -> "p.status";
            case "deadline" -> deadline;
            default -> "p.created_at";
        };
        return "case when " + column + " is null then 1 else 0 end, " + column + (descending ? " desc" : " asc")
                + ", p.id desc";
    }

    private record Query(String from, String where, Map<String, Object> params) {}

    private Query query(Filter filter, Actor actor) {
        Figures figures = filter.figures();
        boolean perUnit = figures.perUnit();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        params.put("reassigned", UnitStatus.REASSIGNED.name());
        if (!(actor.isOffice() || actor.isIn(Actor.AUDITORS))) {
            // Members: their own and their joint proposals; units: assigned or forwarded to them;
            // supervisors: their key proposals (API.md "Access").
            List<String> visible = new ArrayList<>();
            visible.add("p.proposer = :me");
            visible.add("exists (select 1 from dossier_co_proposers c where c.proposal_id = p.id and c.user_id = :me"
                    + " and c.state in ('PENDING', 'CONFIRMED'))");
            visible.add("(p.key_proposal = true and p.supervisor = :me and :supervisor = true)");
            List<String> units = ProposalAccess.unitsOf(actor);
            if (!units.isEmpty()) {
                visible.add("exists (select 1 from dossier_unit_assignments v where v.proposal_id = p.id"
                        + " and v.unit_code in (:myUnits))");
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
        if (filter.unit() != null || filter.role() != null) {
            // a unit's part, or (with a role) a part of that kind, never one reassigned away
            if (perUnit) {
                where.append(filter.unit() != null ? " and a.unit_code = :unit" : "")
                        .append(filter.role() != null ? " and a.role = :role" : "");
            } else {
                where.append(" and exists (select 1 from dossier_unit_assignments u where u.proposal_id = p.id")
                        .append(filter.unit() != null ? " and u.unit_code = :unit" : "")
                        .append(filter.role() != null ? " and u.role = :role" : "")
                        .append(" and u.status <> :reassigned)");
            }
            if (filter.unit() != null) {
                params.put("unit", filter.unit());
            }
            if (filter.role() != null) {
                params.put("role", filter.role());
            }
        }
        if (filter.proposerType() != null) {
            where.append(" and p.proposer_type = :proposerType");
            params.put("proposerType", filter.proposerType());
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
        figures(figures, where, params);
        String from = " from dossier_proposals p join dossier_sessions s on s.id = p.session_id";
        if (perUnit) {
            // as the reports count them: not reassigned away; a co-unit owes no reply, so it is
            // listed only when asked for with replying=false
            from += " join dossier_unit_assignments a on a.proposal_id = p.id and a.status <> :reassigned"
                    + (Boolean.FALSE.equals(figures.replying()) ? " and a.role = :co" : " and a.role <> :co");
            params.put("co", UnitRole.CO.name());
        }
        return new Query(from, where.toString(), params);
    }

    /** The conditions of the reports' figures, in the words of report/ReportQueries. */
    private void figures(Figures f, StringBuilder where, Map<String, Object> params) {
        condition(where, f.key(), "p.key_proposal = true");
        year(where, params, f.submittedIn(), "p.created_at", "submitted");
        year(where, params, f.filedIn(), "p.filed_at", "filed");
        year(where, params, f.closedIn(), "coalesce(p.closed_at, p.created_at)", "closed");
        condition(where, f.filed(), "p.filed_at is not null");
        condition(where, f.assigned(), "exists (select 1 from dossier_unit_assignments u2 where u2.proposal_id = p.id"
                + " and u2.status <> :reassigned)");
        if (!f.perUnit()) {
            return;
        }
        params.put("sent", ReplyStatus.SENT.name());
        String sent = "select 1 from dossier_replies r where r.assignment_id = a.id and r.status = :sent";
        condition(where, f.replied(), "exists (" + sent + ")");
        if (f.onTime() != null) {
            params.put("zone", clock.zone().getId());
            condition(where, f.onTime(), "exists (" + sent + " and " + day("(r.sent_at at time zone :zone)") + " <= "
                    + day("coalesce(a.initial_deadline, a.deadline)") + ")");
        }
        if (f.faceToFace() != null) {
            params.put("faceToFace", ConsultationMethod.FACE_TO_FACE.name());
            condition(where, f.faceToFace(), "exists (" + sent + ") and exists (select 1 from dossier_consultations c"
                    + " where c.assignment_id = a.id and c.method = :faceToFace)");
        }
        if (f.overdue() != null) {
            params.put("today", clock.today());
            condition(where, f.overdue(), "a.deadline < :today and coalesce((select max(r.round) from dossier_replies r"
                    + " where r.assignment_id = a.id and r.status = :sent), 0) < a.round");
        }
        condition(where, f.reHandled(), "a.round > 1");
        if (!f.ratings().isEmpty()) {
            where.append(" and (select lr.rating from dossier_replies lr where lr.id = (select max(r.id)"
                    + " from dossier_replies r where r.assignment_id = a.id and r.status = :sent"
                    + " and r.rating is not null)) in (:ratings)");
            params.put("ratings", f.ratings());
        }
        if (f.replyClass() != null) {
            where.append(" and (select ls.classification from dossier_replies ls where ls.id = (select max(r.id)"
                    + " from dossier_replies r where r.assignment_id = a.id and r.status = :sent)) = :replyClass");
            params.put("replyClass", f.replyClass());
        }
    }

    /** {@code true}: the condition holds; {@code false}: it does not; {@code null}: no filter. */
    private static void condition(StringBuilder where, Boolean wanted, String condition) {
        if (wanted != null) {
            where.append(wanted ? " and (" + condition + ")" : " and not (" + condition + ")");
        }
    }

    /** The instant {@code column} falls within the year in {@code proposals.zone}. */
    private void year(StringBuilder where, Map<String, Object> params, Integer year, String column, String name) {
        if (year == null) {
            return;
        }
        where.append(" and ").append(column).append(" >= :").append(name).append("From and ").append(column)
                .append(" < :").append(name).append("To");
        params.put(name + "From", LocalDate.of(year, 1, 1).atStartOfDay(clock.zone()).toOffsetDateTime());
        params.put(name + "To", LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.zone()).toOffsetDateTime());
    }

    /** A day as a number yyyymmdd, comparable on both databases whatever their session time zone (as the reports do). */
    private static String day(String expression) {
        return "(extract(year from " + expression + ") * 10000 + extract(month from " + expression + ") * 100"
                + " + extract(day from " + expression + "))";
    }

    private static Integer year(Input input, String field) {
        Long year = input.number(field);
        if (year == null) {
            return null;
        }
        input.check(year >= MIN_YEAR && year <= MAX_YEAR, field, "年份应在" + MIN_YEAR + "至" + MAX_YEAR + "之间");
        return input.hasError(field) ? null : year.intValue();
    }

    private static void put(Map<String, String> query, String name, Object value) {
        if (value != null) {
            query.put(name, String.valueOf(value));
        }
    }
}
