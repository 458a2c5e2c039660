package cn.cppcc.proposals.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Who is who, read from the engine's identity service. */
@Service
public class Directory {

    private final IdentityService identityService;

    Directory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<User> user(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult());
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
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    public boolean isInGroup(String userId, String groupId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    public List<User> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list();
    }

    static String fullName(User user) {
        String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
