package cn.cppcc.proposals.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The counters of failed logins in this node's memory, at most {@code proposals.login.max-entries}:
 * beyond that the least recently used key is dropped, so a flood of made-up user names or
 * addresses cannot fill the heap. Lost on restart, which only ends blocks early.
 */
@Component
class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<Key, Failures> entries;

    InMemoryLoginAttempts(LoginSettings settings) {
        int maxEntries = settings.maxEntries();
        // access order: a key that is looked up or counted again stays
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<Failures> find(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized Failures update(Key key, UnaryOperator<Failures> change) {
        Failures next = change.apply(entries.get(key));
        if (next == null) {
            entries.remove(key);
        } else {
            entries.put(key, next);
        }
        return next;
    }

    @Override
    public synchronized void forgetUser(String user) {
        entries.keySet().removeIf(key -> user.equals(key.user()));
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
