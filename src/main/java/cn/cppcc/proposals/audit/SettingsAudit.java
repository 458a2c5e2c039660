package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.AuditAction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Configuration changes: the settings are files and the environment, read at start, so each start
 * compares the effective {@code proposals.*} and {@code camunda.bpm.*} settings (never passwords,
 * secrets or keys, such as the audit chain's HMAC key) with the last recorded ones and records them
 * (SETTINGS_CHANGED, by {@code system}) when they differ.
 */
@Component
class SettingsAudit implements ApplicationRunner {

    static final List<String> PREFIXES = List.of("proposals.", "camunda.bpm.");

    private final ConfigurableEnvironment environment;
    private final AuditTrail trail;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SettingsAudit(ConfigurableEnvironment environment, AuditTrail trail, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.environment = environment;
        this.trail = trail;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        String settings = current();
        String fingerprint = "Settings:" + AuditHash.hex(settings).substring(0, 16);
        transaction.executeWithoutResult(status -> {
            List<String> last = jdbc.queryForList("select subject from audit_events where action = ?"
                    + " order by seq desc fetch first 1 rows only", String.class, AuditAction.SETTINGS_CHANGED.name());
            if (last.isEmpty() || !last.get(0).equals(fingerprint)) {
                trail.record(AuditAction.SETTINGS_CHANGED, null, null, fingerprint, settings);
            }
        });
    }

    private static boolean secret(String key) {
        String name = key.toLowerCase();
        return name.contains("password") || name.contains("secret") || name.contains("key");
    }

    /** The settings in force, one {@code key=value} a line, sorted. */
    String current() {
        Map<String, String> values = new TreeMap<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String key = name.replaceAll("\\[(\\d+)]", ".$1");
                    if (PREFIXES.stream().anyMatch(key::startsWith) && !secret(key) && !values.containsKey(key)) {
                        try {
                            values.put(key, String.valueOf(environment.getProperty(name)));
                        } catch (RuntimeException e) {
                            values.put(key, "?");
                        }
                    }
                }
            }
        }
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }
}
