package cn.cppcc.proposals.catalog;

import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import java.time.LocalDate;
import cn.cppcc.proposals.shared.CacheVersions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.UnitNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units, categories and sessions, and the gap-free numbers of a session. */
@Service
public class Catalog implements UnitNames {

    public static final String SERIAL_COUNTER = "SERIAL";
    public static final String NUMBER_COUNTER = "NUMBER";
    private static final String CODE_PATTERN = "[a-z][a-z0-9]{1,30}";

    private final UnitRepository units;
    private final CategoryRepository categories;
    private final CommitteeSessionRepository sessions;
    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final EngineAsSystem system;
    private final ApplicationEventPublisher events;

    /** Units and categories are read on almost every request: cached, checked against their version every second. */
    private final CacheVersions versions;
    private final CacheVersions.Cached<Map<String, Unit>> unitsByCode;
    private final CacheVersions.Cached<List<Category>> categoryList;

    Catalog(UnitRepository units, CategoryRepository categories, CommitteeSessionRepository sessions,
            IdentityService identityService, JdbcClient jdbc, EngineAsSystem system, ApplicationEventPublisher events,
            CacheVersions versions) {
        this.versions = versions;
        this.unitsByCode = versions.cache(CacheVersions.CATALOG, Duration.ofSeconds(1), () -> {
            Map<String, Unit> all = new LinkedHashMap<>();
            units.findAllByOrderByCode().forEach(unit -> all.put(unit.getCode(), unit));
            return Collections.unmodifiableMap(all);
        });
        this.categoryList = versions.cache(CacheVersions.CATALOG, Duration.ofSeconds(1),
                () -> List.copyOf(categories.findAllByOrderByPosition()));
        this.events = events;
        this.system = system;
        this.units = units;
        this.categories = categories;
        this.sessions = sessions;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    // --- units -------------------------------------------------------------------------------

    public List<Unit> units() {
        return List.copyOf(unitsByCode.get().values());
    }

    public Optional<Unit> unit(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(unitsByCode.get().get(code));
    }

    /** The catalog changed: every node reads it again (this one at once). */
    private void changed() {
        versions.bump(CacheVersions.CATALOG);
        unitsByCode.forget();
        categoryList.forget();
    }

    @Override
    public String unitName(String code) {
        return unit(code).map(Unit::getName).orElse(code);
    }

    /** A unit's code from its code or its name (区交通运输局 → transport), as people type it in Tasklist. */
    public Optional<String> unitCode(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String given = codeOrName.strip();
        return unit(given).map(Unit::getCode)
                .or(() -> units().stream().filter(u -> u.getName().equals(given)).map(Unit::getCode).findFirst());
    }

    public boolean isActiveUnit(String code) {
        return unit(code).map(Unit::isActive).orElse(false);
    }

    /** Creates the unit and its two groups: handlers {@code unit-<code>}, leaders {@code unit-<code>-leaders}. */
    @Transactional
    public Unit createUnit(String code, String name) {
        if (!code.matches(CODE_PATTERN)) {
            throw new InvalidInputException("code", "单位代码只能是小写字母和数字，以字母开头");
        }
        if (units.existsById(code)) {
            throw new InvalidInputException("code", "单位代码已存在");
        }
        createGroup(Actor.unitGroup(code), name + "经办人");
        createGroup(Actor.unitLeadersGroup(code), name + "负责人");
        changed();
        events.publishEvent(new UnitChanged(code, name, true, true));
        return units.save(new Unit(code, name));
    }

    @Transactional
    public Unit updateUnit(String code, String name, Boolean active) {
        Unit unit = units.findById(code).orElseThrow(() -> new NotFoundException("没有该承办单位：" + code));
        if (name != null) {
            if (name.isBlank() || name.length() > 100) {
                throw new InvalidInputException("name", "单位名称必须填写，不超过100字");
            }
            unit.rename(name.strip());
        }
        if (active != null) {
            unit.setActive(active);
        }
        changed();
        events.publishEvent(new UnitChanged(code, unit.getName(), unit.isActive(), false));
        return unit;
    }

    /** The admin's request was checked by the caller; the groups follow the unit as its data. */
    private void createGroup(String id, String name) {
        system.run(() -> {
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType("UNIT");
                identityService.saveGroup(group);
            }
        });
    }

    // --- categories ----------------------------------------------------------------------------

    public List<Category> categories() {
        return categoryList.get();
    }

    public boolean isActiveCategory(String name) {
        return name != null && categories().stream().anyMatch(c -> c.getName().equals(name) && c.isActive());
    }

    @Transactional
    public Category createCategory(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 50) {
            throw new InvalidInputException("name", "类别名称必须填写，不超过50字");
        }
        if (categories.existsById(name.strip())) {
            throw new InvalidInputException("name", "类别已存在");
        }
        int position = categories.findAllByOrderByPosition().stream().mapToInt(Category::getPosition).max().orElse(0) + 1;
        changed();
        events.publishEvent(new CategoryChanged(name.strip(), true, true));
        return categories.save(new Category(name.strip(), position));
    }

    @Transactional
    public Category setCategoryActive(String name, boolean active) {
        Category category = categories.findById(name).orElseThrow(() -> new NotFoundException("没有该类别：" + name));
        category.setActive(active);
        changed();
        events.publishEvent(new CategoryChanged(name, active, false));
        return category;
    }

    // --- sessions ------------------------------------------------------------------------------

    public List<CommitteeSession> sessions() {
        return sessions.findAllByOrderByPlenaryOpensDesc();
    }

    public Optional<CommitteeSession> session(String code) {
        return code == null ? Optional.empty() : sessions.findByCode(code);
    }

    public Optional<CommitteeSession> session(long id) {
        return sessions.findById(id);
    }

    public Optional<CommitteeSession> currentSession() {
        return sessions.findByCurrentTrue();
    }

    /** Creates a session with its number counters; {@code current} makes it the one new proposals go to. */
    @Transactional
    public CommitteeSession createSession(String code, String name, int year, LocalDate plenaryOpens,
            LocalDate submissionDeadline, boolean current) {
        if (sessions.findByCode(code).isPresent()) {
            throw new InvalidInputException("code", "届次代码已存在");
        }
        if (submissionDeadline.isBefore(plenaryOpens)) {
            throw new InvalidInputException("submissionDeadline", "提交截止日期不能早于大会开幕日期");
        }
        CommitteeSession session = sessions.save(new CommitteeSession(code, name, year, plenaryOpens, submissionDeadline));
        for (String counter : List.of(SERIAL_COUNTER, NUMBER_COUNTER)) {
            jdbc.sql("insert into session_counters (session_id, counter, last_value) values (?, ?, 0)")
                    .params(session.getId(), counter).update();
        }
        if (current) {
            makeCurrent(session);
        }
        events.publishEvent(new SessionCreated(code, name, year, plenaryOpens, submissionDeadline, current));
        return session;
    }

    @Transactional
    public void makeCurrent(CommitteeSession session) {
        sessions.findAll().forEach(s -> s.setCurrent(s.getId().equals(session.getId())));
    }

    /**
     * The next number of a session's counter, gap-free: the counter row stays locked until the
     * caller's transaction ends, so a concurrent caller waits, and a rollback gives the number back.
     */
    @Transactional
    public int nextNumber(long sessionId, String counter) {
        int last = jdbc.sql("select last_value from session_counters where session_id = ? and counter = ? for update")
                .params(sessionId, counter).query(Integer.class).single();
        jdbc.sql("update session_counters set last_value = ? where session_id = ? and counter = ?")
                .params(last + 1, sessionId, counter).update();
        return last + 1;
    }
}
