package cn.cppcc.proposals.identity;

import java.util.List;
import java.util.Optional;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import cn.cppcc.proposals.workflow.UserNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Who is who, read from the engine's identity service (as the application, not as the caller). */
@Service
public class Directory implements UserNames {

    private final IdentityService identityService;
    private final EngineAsSystem system;

    Directory(IdentityService identityService, EngineAsSystem system) {
        this.identityService = identityService;
        this.system = system;
    }

    public Optional<User> user(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(system.read(() -> identityService.createUserQuery().userId(userId).singleResult()));
    }

    @Override
    public String userName(String userId) {
        return displayName(userId);
    }

    public boolean exists(String userId) {
        return user(userId).isPresent();
    }

    /** Chinese order: family name, then given name; the user id when the user is unknown. */
    public String displayName(String userId) {
        return user(userId).map(Directory::fullName).orElse(userId);
    }

    public Optional<String> email(String userId) {
        return user(userId).map(User::getEmail).filter(e -> e != null && !e.isBlank());
    }

    /** The key of a user's phone number in the engine's user profile (user info). */
    public static final String PHONE = "phone";

    /** The user's phone number from their profile, if any. */
    public Optional<String> phone(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(system.read(() -> identityService.getUserInfo(userId, PHONE)))
                .filter(p -> !p.isBlank());
    }

    public List<String> groupsOf(String userId) {
        return system.read(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
                .map(Group::getId).toList();
    }

    /** The group's name, or its id when there is no such group or it has no name. */
    public String groupName(String groupId) {
        Group group = groupId == null ? null
                : system.read(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
        return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
    }

    /** Every user, by id. */
    public List<User> users() {
        return system.read(() -> identityService.createUserQuery().orderByUserId().asc().list());
    }

    public boolean isInGroup(String userId, String groupId) {
        return system.read(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
    }

    public List<User> membersOf(String groupId) {
        return system.read(() -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
    }

    static String fullName(User user) {
        String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
