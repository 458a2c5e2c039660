package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
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
 * webapps. A disabled user loses their groups and password, so every door closes at once; the
 * webapps end their session at the next re-check (camunda.bpm.webapp.auth.cache).
 */
@Service
public class UserAdministration {

    static final int MIN_PASSWORD = 10;
    static final String ID_PATTERN = "[a-z][a-z0-9-]{1,63}";

    private final IdentityService identityService;
    private final EngineAsSystem system;
    private final JdbcClient jdbc;
    private final ProposalClock clock;
    private final SecureRandom random = new SecureRandom();

    UserAdministration(IdentityService identityService, EngineAsSystem system, JdbcClient jdbc, ProposalClock clock) {
        this.identityService = identityService;
        this.system = system;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record UserView(String id, String name, String email, List<String> groups, boolean disabled) {}

    @Transactional(readOnly = true)
    public List<UserView> users() {
        return system.read(() -> identityService.createUserQuery().orderByUserId().asc().list()).stream()
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public UserView user(String id) {
        return view(require(id));
    }

    @Transactional
    public UserView create(String id, String name, String email, String password, List<String> groups) {
        if (!id.matches(ID_PATTERN)) {
            throw new InvalidInputException("id", "用户名只能是小写字母、数字和连字符，以字母开头");
        }
        checkPassword(password);
        checkGroups(groups);
        system.run(() -> {
            if (identityService.createUserQuery().userId(id).count() > 0) {
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
        User user = require(id);
        if (isDisabled(id) && groups != null) {
            throw new ConflictException("用户已停用，启用后才能修改其所属组");
        }
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
        User user = require(id);
        checkPassword(password);
        if (isDisabled(id)) {
            throw new ConflictException("用户已停用，请先启用");
        }
        system.run(() -> {
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.unlockUser(id);
        });
    }

    /** Removes the user's groups and password; kept aside for {@link #enable}. */
    @Transactional
    public void disable(String id, String by) {
        User user = require(id);
        if (id.equals(by)) {
            throw new ConflictException("不能停用自己");
        }
        if (isDisabled(id)) {
            throw new ConflictException("用户已停用");
        }
        List<String> groups = groupsOf(id);
        jdbc.sql("insert into disabled_users (user_id, group_ids, disabled_by, disabled_at) values (?, ?, ?, ?)")
                .params(id, String.join(",", groups), by, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC)).update();
        system.run(() -> {
            groups.forEach(group -> identityService.deleteMembership(id, group));
            user.setPassword(randomPassword());
            identityService.saveUser(user);
        });
    }

    /** Gives the groups back, with a new password set by the admin. */
    @Transactional
    public UserView enable(String id, String password) {
        User user = require(id);
        checkPassword(password);
        String groups = jdbc.sql("select group_ids from disabled_users where user_id = ?").param(id)
                .query(String.class).optional().orElseThrow(() -> new ConflictException("用户未停用"));
        jdbc.sql("delete from disabled_users where user_id = ?").param(id).update();
        system.run(() -> {
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.unlockUser(id);
            for (String group : groups.split(",")) {
                if (!group.isBlank() && identityService.createGroupQuery().groupId(group).count() > 0) {
                    identityService.createMembership(id, group);
                }
            }
        });
        return user(id);
    }

    @Transactional
    public void delete(String id, String by) {
        require(id);
        if (id.equals(by)) {
            throw new ConflictException("不能删除自己");
        }
        jdbc.sql("delete from disabled_users where user_id = ?").param(id).update();
        system.run(() -> identityService.deleteUser(id));
    }

    private UserView view(User user) {
        return new UserView(user.getId(), Directory.fullName(user), user.getEmail(), groupsOf(user.getId()),
                isDisabled(user.getId()));
    }

    private User require(String id) {
        User user = id == null ? null : system.read(() -> identityService.createUserQuery().userId(id).singleResult());
        if (user == null) {
            throw new NotFoundException("没有该用户：" + id);
        }
        return user;
    }

    private boolean isDisabled(String id) {
        return jdbc.sql("select count(*) from disabled_users where user_id = ?").param(id).query(Long.class).single() > 0;
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

    private String randomPassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
