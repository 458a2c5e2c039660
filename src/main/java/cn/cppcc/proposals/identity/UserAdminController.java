package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/users}: admins only. */
@RestController
class UserAdminController {

    private final UserAdministration users;
    private final CurrentActor currentActor;

    UserAdminController(UserAdministration users, CurrentActor currentActor) {
        this.users = users;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/admin/users")
    List<UserAdministration.UserView> list() {
        admin();
        return users.users();
    }

    @GetMapping("/api/admin/users/{id}")
    UserAdministration.UserView get(@PathVariable String id) {
        admin();
        return users.user(id);
    }

    /** Body: {id, name, email?, password, groups[]}. */
    @PostMapping("/api/admin/users")
    ResponseEntity<UserAdministration.UserView> create(@RequestBody Map<String, Object> body) {
        admin();
        var user = users.create(body);
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(user);
    }

    /** Body: {name?, email?, groups[]?}. */
    @PutMapping("/api/admin/users/{id}")
    UserAdministration.UserView update(@PathVariable String id, @RequestBody Map<String, Object> body) {
        admin();
        return users.update(id, body);
    }

    @PutMapping("/api/admin/users/{id}/password")
    ResponseEntity<Void> password(@PathVariable String id, @RequestBody Map<String, Object> body) {
        admin();
        users.setPassword(id, body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/users/{id}/disable")
    ResponseEntity<Void> disable(@PathVariable String id) {
        Actor actor = admin();
        users.disable(id, actor.userId());
        return ResponseEntity.noContent().build();
    }

    /** Body: {password}: a new password, since disabling took the old one. */
    @PostMapping("/api/admin/users/{id}/enable")
    UserAdministration.UserView enable(@PathVariable String id, @RequestBody Map<String, Object> body) {
        admin();
        return users.enable(id, body);
    }

    @DeleteMapping("/api/admin/users/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Actor actor = admin();
        users.delete(id, actor.userId());
        return ResponseEntity.noContent().build();
    }

    private Actor admin() {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以管理用户");
        }
        return actor;
    }
}
