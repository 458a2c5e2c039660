package cn.cppcc.proposals.shared;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions of the caches of slowly changing data (table cache_versions): a change bumps its
 * cache's version in the change's own transaction, and every node compares the version with the
 * one it loaded before it trusts its cache. So all nodes of a cluster see a change once it is
 * committed (at most {@code maxStaleness} later).
 */
@Component
public class CacheVersions {

    public static final String CALENDAR = "calendar";
    public static final String MAIL_TEMPLATES = "mail-templates";
    public static final String CATALOG = "catalog";

    private final JdbcClient jdbc;

    CacheVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current(String cache) {
        return jdbc.sql("select version from cache_versions where name = ?").param(cache).query(Long.class).single();
    }

    /** The cache is out of date for every node once the caller's transaction commits. */
    public void bump(String cache) {
        jdbc.sql("update cache_versions set version = version + 1 where name = ?").param(cache).update();
    }

    /** A cache of {@code T} that reloads when its version moved; checked at most every {@code maxStaleness}. */
    public <T> Cached<T> cache(String name, Duration maxStaleness, Supplier<T> loader) {
        return new Cached<>(this, name, maxStaleness, loader);
    }

    /** One cached value and the version it was loaded at. */
    public static final class Cached<T> {

        private record Loaded<T>(long version, T value, long checkedAt) {}

        private final CacheVersions versions;
        private final String name;
        private final long maxStalenessNanos;
        private final Supplier<T> loader;
        private volatile Loaded<T> loaded;

        private Cached(CacheVersions versions, String name, Duration maxStaleness, Supplier<T> loader) {
            this.versions = versions;
            this.name = name;
            this.maxStalenessNanos = maxStaleness.toNanos();
            this.loader = loader;
        }

        public T get() {
            Loaded<T> known = loaded;
            long now = System.nanoTime();
            if (known != null && now - known.checkedAt() < maxStalenessNanos) {
                return known.value();
            }
            long version = versions.current(name);
            if (known != null && known.version() == version) {
                loaded = new Loaded<>(version, known.value(), now);
                return known.value();
            }
            T value = loader.get();
            loaded = new Loaded<>(version, value, now);
            return value;
        }

        /** This node's own change: read again at the next use. */
        public void forget() {
            loaded = null;
        }
    }
}
