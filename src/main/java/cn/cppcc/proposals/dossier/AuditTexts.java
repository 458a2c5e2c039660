package cn.cppcc.proposals.dossier;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.identity.Directory;
import cn.cppcc.proposals.shared.AuditNote;
import cn.cppcc.proposals.shared.CodeLabels;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * The audit trail's texts as people read them, whenever they were written: people by name, units
 * by name, codes by their Chinese names, the session by its name. Records written before names were
 * recorded hold ids and codes in their detail ({@code 提案者：member1；提案者类型：JOINT；届次：10-6},
 * {@code 承办方式：主办会办（LEAD_AND_CO）；承办单位：transport、edu}); the trail never changes them,
 * so they are named when they are read. The detail is {@code 标签：值} parts separated by {@code ；}:
 * the value of a label that names a person, a unit or a code is named, everything else is left as
 * it is (a free text that holds {@code ；} stays whole, as no label of its parts is known).
 */
@Component
public class AuditTexts {

    static final java.util.Set<String> PERSONS = java.util.Set.of("提案者", "联名人", "督办领导", "收件人", "办理人",
            "代委员登记", "签发人", "用户");
    static final java.util.Set<String> UNITS = java.util.Set.of("承办单位", "主办单位", "改派单位", "建议承办单位", "转交单位");
    static final Map<String, String> CODE_KINDS = Map.of("提案者类型", "proposerType", "事件", "event", "状态",
            "notificationState", "不予立案理由", "rejectGround", "评价", "rating", "协商方式", "method");
    /** A code after its Chinese name, as details had it: 立案（FILE）. */
    static final Pattern NAMED_CODE = Pattern.compile("^(.+)（[A-Z][A-Z0-9_]*）$");
    static final Pattern PART = Pattern.compile("^([^：]{1,12})：(.*)$", Pattern.DOTALL);

    private final Directory directory;
    private final Catalog catalog;
    private final HistoryService history;
    private final EngineAsSystem system;

    AuditTexts(Directory directory, Catalog catalog, HistoryService history, EngineAsSystem system) {
        this.directory = directory;
        this.catalog = catalog;
        this.history = history;
        this.system = system;
    }

    /** A reading of some records: names looked up once each. */
    public Reading reading() {
        return new Reading();
    }

    /** Names for one page or document; not shared between requests (names change). */
    public final class Reading {

        private final Map<String, String> people = new HashMap<>();
        private final Map<String, String> units = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();

        /** A person's name; 系统 for what no person did. */
        public String person(String userId) {
            if (userId == null || userId.isBlank()) {
                return "";
            }
            if (AuditNote.SYSTEM.equals(userId)) {
                return "系统";
            }
            return people.computeIfAbsent(userId, directory::displayName);
        }

        public String unit(String code) {
            return code == null ? "" : units.computeIfAbsent(code, catalog::unitName);
        }

        /** The actor's groups (stored as their ids, comma-separated) by their names. */
        public String roles(String roles) {
            if (roles == null || roles.isBlank()) {
                return "";
            }
            return Arrays.stream(roles.split("[,，\\s]+")).filter(id -> !id.isBlank())
                    .map(id -> groups.computeIfAbsent(id, directory::groupName)).collect(Collectors.joining("、"));
        }

        /** What a record is about besides the proposal: 任务 审查立案, 用户 李华, 协商记录 12, … */
        public String subject(String subject) {
            if (subject == null || subject.isBlank()) {
                return "";
            }
            int colon = subject.indexOf(':');
            if (colon < 0) {
                return subject;
            }
            String kind = subject.substring(0, colon);
            String id = subject.substring(colon + 1);
            return switch (kind) {
                case "task" -> "任务 " + taskName(id);
                case "User" -> "用户 " + person(id);
                case "Group" -> "用户组 " + groups.computeIfAbsent(id, directory::groupName);
                case "consultation" -> "协商记录 " + id;
                case "attachment" -> "附件 " + id;
                case "process" -> "流程实例 " + id;
                case "Calendar" -> "工作日历 " + id;
                case "Unit" -> "承办单位 " + unit(id);
                default -> subject;
            };
        }

        /** A record's detail with its people, units and codes named. */
        public String detail(String detail) {
            if (detail == null || detail.isEmpty()) {
                return detail;
            }
            return Arrays.stream(detail.split("；", -1)).map(this::part).collect(Collectors.joining("；"));
        }

        private String part(String part) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                return namedCode(part);
            }
            String label = m.group(1);
            String value = m.group(2);
            String named;
            if (PERSONS.contains(label)) {
                named = each(value, this::person);
            } else if (UNITS.contains(label)) {
                named = each(value, this::unit);
            } else if (CODE_KINDS.containsKey(label)) {
                named = CodeLabels.of(CODE_KINDS.get(label), namedCode(value));
            } else if (label.equals("届次")) {
                named = catalog.session(value.strip()).map(CommitteeSession::getName).orElse(value);
            } else {
                named = namedCode(value);
            }
            return label + "：" + named;
        }

        private String taskName(String taskId) {
            HistoricTaskInstance task = system.read(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
                    .singleResult());
            return task == null || task.getName() == null ? "（已清理）" : task.getName();
        }
    }

    /** 立案（FILE） → 立案; a bare code with a Chinese name → its name. */
    static String namedCode(String value) {
        Matcher m = NAMED_CODE.matcher(value);
        if (m.matches()) {
            return m.group(1);
        }
        return CodeLabels.isCode(value.strip()) ? CodeLabels.label(value.strip()) : value;
    }

    /** Each of several ids (承办单位：transport、edu) by its name. */
    private static String each(String value, Function<String, String> name) {
        // a note such as 收件人：member2（无邮箱） keeps its note
        int note = value.indexOf('（');
        String ids = note < 0 ? value : value.substring(0, note);
        String rest = note < 0 ? "" : value.substring(note);
        return Arrays.stream(ids.split("[、,，]")).map(String::strip).filter(id -> !id.isEmpty()).map(name)
                .collect(Collectors.joining("、")) + rest;
    }
}
