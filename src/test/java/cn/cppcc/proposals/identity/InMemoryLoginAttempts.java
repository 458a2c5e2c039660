package cn.cppcc.proposals.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The counters of failed logins in memory, for the throttle's own tests (the application keeps
 * them in the database: {@link JdbcLoginAttempts}), at most {@code maxEntries}, least recently
 * used first out.
 */
class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<Key, Failures> entries;

    InMemoryLoginAttempts(int maxEntries) {
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
    public synchronized void forget(Key key) {
        entries.remove(key);
    }

    @Override
    public synchronized void forgetUser(String user) {
        entries.keySet().removeIf(key -> user.equals(key.user()));
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }
}
