package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.AuditAction;
import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins manage users (DOMAIN.md): create, change, set a password, disable, enable, delete. The
 * users live in the engine's identity service, the one store of the API, the pages and the
 * webapps. A disabled user is taken out of the identity store (kept aside to be enabled again),
 * so every door closes at once and the webapps end their session at the next re-check
 * (camunda.bpm.webapp.auth.cache).
 */
@Service
public class UserAdministration {

    static final int MIN_PASSWORD = 10;
    static final String ID_PATTERN = "[a-z][a-z0-9-]{1,63}";

    private final IdentityService identityService;
    private final EngineAsSystem system;
    private final JdbcClient jdbc;
    private final ProposalClock clock;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;

    UserAdministration(IdentityService identityService, EngineAsSystem system, JdbcClient jdbc, ProposalClock clock,
            ApplicationEventPublisher events, LoginThrottle throttle) {
        this.events = events;
        this.throttle = throttle;
        this.identityService = identityService;
        this.system = system;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record UserView(String id, String name, String email, List<String> groups, boolean disabled) {}

    /** A group of the identity store: a role of DOMAIN.md or a unit's handlers or leaders. */
    public record GroupView(String id, String name) {}

    /** Every group, by id. */
    @Transactional(readOnly = true)
    public List<GroupView> groups() {
        return system.read(() -> identityService.createGroupQuery().orderByGroupId().asc().list()).stream()
                .map(g -> new GroupView(g.getId(), g.getName() == null ? g.getId() : g.getName())).toList();
    }

    /** From fields {@code id}, {@code name}, {@code email} (optional), {@code password}, {@code groups}; bad ones fail naming the field. */
    @Transactional
    public UserView create(Map<String, ?> fields) {
        Input input = Input.of(fields);
        String id = input.requiredText("id", 64);
        String name = input.requiredText("name", 50);
        String email = email(input);
        String password = input.requiredText("password", 128);
        List<String> groups = input.list("groups", 50, 100);
        input.validate();
        return create(id, name, email, password, groups);
    }

    /** From fields {@code name}, {@code email} and {@code groups}, each only when given. */
    @Transactional
    public UserView update(String id, Map<String, ?> fields) {
        Input input = Input.of(fields);
        String name = input.text("name", 50);
        String email = email(input);
        List<String> groups = fields.containsKey("groups") ? input.list("groups", 50, 100) : null;
        input.validate();
        return update(id, name, email, groups);
    }

    /** From the field {@code password}. */
    @Transactional
    public void setPassword(String id, Map<String, ?> fields) {
        Input input = Input.of(fields);
        String password = input.requiredText("password", 128);
        input.validate();
        setPassword(id, password);
    }

    /** From the field {@code password}: a new one, since disabling took the old one. */
    @Transactional
    public UserView enable(String id, Map<String, ?> fields) {
        Input input = Input.of(fields);
        String password = input.requiredText("password", 128);
        input.validate();
        return enable(id, password);
    }

    private static String email(Input input) {
        String email = input.text("email", 100);
        if (email != null) {
            input.check(email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email", "邮箱格式无效");
        }
        return email;
    }

    @Transactional(readOnly = true)
    public List<UserView> users() {
        List<UserView> users = new java.util.ArrayList<>(system.read(() ->
                identityService.createUserQuery().orderByUserId().asc().list()).stream().map(this::view).toList());
        users.addAll(disabledUsers());
        users.sort(java.util.Comparator.comparing(UserView::id));
        return users;
    }

    /** Whether the user is disabled: kept aside, out of the identity store. */
    @Transactional(readOnly = true)
    public boolean isDisabled(String id) {
        return disabledUser(id).isPresent();
    }

    @Transactional(readOnly = true)
    public UserView user(String id) {
        return disabledUser(id).orElseGet(() -> view(require(id)));
    }

    @Transactional
    public UserView create(String id, String name, String email, String password, List<String> groups) {
        if (!id.matches(ID_PATTERN)) {
            throw new InvalidInputException("id", "用户名只能是小写字母、数字和连字符，以字母开头");
        }
        checkPassword(password);
        checkGroups(groups);
        system.run(() -> {
            if (identityService.createUserQuery().userId(id).count() > 0 || disabledUser(id).isPresent()) {
                throw new InvalidInputException("id", "用户名已存在");
            }
            User user = identityService.newUser(id);
            user.setFirstName(name);
            user.setLastName("");
            user.setEmail(email);
            user.setPassword(password);
            identityService.saveUser(user);
            groups.forEach(group -> identityService.createMembership(id, group));
        });
        return user(id);
    }

    @Transactional
    public UserView update(String id, String name, String email, List<String> groups) {
        if (disabledUser(id).isPresent()) {
            throw new ConflictException("用户已停用，请先启用");
        }
        User user = require(id);
        system.run(() -> {
            if (name != null) {
                user.setFirstName(name);
            }
            if (email != null) {
                user.setEmail(email);
            }
            identityService.saveUser(user);
            if (groups != null) {
                checkGroups(groups);
                Set<String> wanted = Set.copyOf(groups);
                List<String> current = groupsOf(id);
                current.stream().filter(g -> !wanted.contains(g)).forEach(g -> identityService.deleteMembership(id, g));
                wanted.stream().filter(g -> !current.contains(g)).forEach(g -> identityService.createMembership(id, g));
            }
        });
        return user(id);
    }

    @Transactional
    public void setPassword(String id, String password) {
        if (disabledUser(id).isPresent()) {
            throw new ConflictException("用户已停用，请先启用");
        }
        User user = require(id);
        checkPassword(password);
        system.run(() -> {
            user.setPassword(password);
            identityService.saveUser(user);
        });
        // A command of its own: in the saving one the engine flushes the unlock after the user's update,
        // bound to the revision that update has just replaced, so it would change no row and the user
        // would stay locked. Here it reads the user afresh.
        system.run(() -> identityService.unlockUser(id));
        throttle.forgetUser(id);
    }

    /** Takes the user out of the identity store, keeping name, e-mail and groups for {@link #enable}. */
    @Transactional
    public void disable(String id, String by) {
        if (disabledUser(id).isPresent()) {
            throw new ConflictException("用户已停用");
        }
        User user = require(id);
        if (id.equals(by)) {
            throw new ConflictException("不能停用自己");
        }
        jdbc.sql("insert into disabled_users (user_id, name, email, group_ids, disabled_by, disabled_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, Directory.fullName(user), user.getEmail(), String.join(",", groupsOf(id)), by,
                        OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
                .update();
        events.publishEvent(new AccountChanged(AuditAction.USER_DISABLED, null, id, "用户：" + id + "；用户组："
                + String.join("、", groupsOf(id))));
        system.run(() -> identityService.deleteUser(id));
    }

    /** Puts the user back with their groups, and a new password set by the admin. */
    @Transactional
    public UserView enable(String id, String password) {
        UserView disabled = disabledUser(id).orElseThrow(() -> new ConflictException("用户未停用"));
        checkPassword(password);
        jdbc.sql("delete from disabled_users where user_id = ?").param(id).update();
        system.run(() -> {
            User user = identityService.newUser(id);
            user.setFirstName(disabled.name());
            user.setLastName("");
            user.setEmail(disabled.email());
            user.setPassword(password);
            identityService.saveUser(user);
            for (String group : disabled.groups()) {
                if (identityService.createGroupQuery().groupId(group).count() > 0) {
                    identityService.createMembership(id, group);
                }
            }
        });
        // a new engine user, without the old one's lock; only the throttle may still hold failures from
        // the time the user was disabled
        throttle.forgetUser(id);
        events.publishEvent(new AccountChanged(AuditAction.USER_ENABLED, null, id, "用户：" + id + "；用户组："
                + String.join("、", disabled.groups()) + "；已重设密码"));
        return user(id);
    }

    @Transactional
    public void delete(String id, String by) {
        if (id.equals(by)) {
            throw new ConflictException("不能删除自己");
        }
        if (jdbc.sql("delete from disabled_users where user_id = ?").param(id).update() == 0) {
            require(id);
            system.run(() -> identityService.deleteUser(id));
        } else {
            events.publishEvent(new AccountChanged(AuditAction.USER_REMOVED, null, id, "用户：" + id));
        }
    }

    private UserView view(User user) {
        return new UserView(user.getId(), Directory.fullName(user), user.getEmail(), groupsOf(user.getId()), false);
    }

    private List<UserView> disabledUsers() {
        return jdbc.sql("select user_id, name, email, group_ids from disabled_users order by user_id")
                .query((rs, n) -> new UserView(rs.getString("user_id"), rs.getString("name"), rs.getString("email"),
                        java.util.Arrays.stream(rs.getString("group_ids").split(",")).filter(g -> !g.isBlank()).toList(),
                        true))
                .list();
    }

    private java.util.Optional<UserView> disabledUser(String id) {
        return disabledUsers().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    private User require(String id) {
        User user = id == null ? null : system.read(() -> identityService.createUserQuery().userId(id).singleResult());
        if (user == null) {
            throw new NotFoundException("没有该用户：" + id);
        }
        return user;
    }

    private List<String> groupsOf(String id) {
        return system.read(() -> identityService.createGroupQuery().groupMember(id).list()).stream()
                .map(Group::getId).toList();
    }

    private void checkGroups(List<String> groups) {
        for (String group : groups) {
            if (system.read(() -> identityService.createGroupQuery().groupId(group).count()) == 0) {
                throw new InvalidInputException("groups", "没有该组：" + group);
            }
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new InvalidInputException("password", "密码须为" + MIN_PASSWORD + "至128个字符");
        }
    }

}
