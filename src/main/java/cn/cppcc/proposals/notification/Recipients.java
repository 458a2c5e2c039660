package cn.cppcc.proposals.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** To whom: users by id and the members of groups (e.g. unit-edu, proposal-office). */
public record Recipients(Set<String> users, Set<String> groups) {

    public static Recipients users(String... userIds) {
        return new Recipients(new LinkedHashSet<>(List.of(userIds)), Set.of());
    }

    public static Recipients users(List<String> userIds) {
        return new Recipients(new LinkedHashSet<>(userIds), Set.of());
    }

    public static Recipients groups(String... groupIds) {
        return new Recipients(Set.of(), new LinkedHashSet<>(List.of(groupIds)));
    }

    public Recipients and(Recipients other) {
        Set<String> u = new LinkedHashSet<>(users);
        u.addAll(other.users);
        Set<String> g = new LinkedHashSet<>(groups);
        g.addAll(other.groups);
        return new Recipients(u, g);
    }
}
