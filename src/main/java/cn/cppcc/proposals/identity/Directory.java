package cn.cppcc.proposals.identity;

import java.util.List;
import java.util.Optional;
import cn.cppcc.proposals.workflow.EngineAsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Who is who, read from the engine's identity service (as the application, not as the caller). */
@Service
public class Directory {

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

    public List<String> groupsOf(String userId) {
        return system.read(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
                .map(Group::getId).toList();
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
