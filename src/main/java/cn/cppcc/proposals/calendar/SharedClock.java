package cn.cppcc.proposals.calendar;

import cn.cppcc.proposals.shared.ProposalSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The clock that acceptance tests move (proposals.clock-control, never in production), shared by
 * every node of a cluster through the table clock_control: a move is written there and set on this
 * node; every node sets its engine's clock when the row changed, before each request and every
 * second (so that its job executor fires the timers that came due). Without clock control it does
 * nothing, and reads nothing.
 */
@Component
class SharedClock extends OncePerRequestFilter {

    private final ProposalSettings settings;
    private final JdbcClient jdbc;
    private final ProcessEngineConfigurationImpl engine;
    /** The row as this node last applied it: only a change of the row moves this node's clock. */
    private volatile Optional<Instant> applied = Optional.empty();

    SharedClock(ProposalSettings settings, JdbcClient jdbc, ProcessEngineConfigurationImpl engine) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** Moves every node's clock to {@code to}, or back to the real time when {@code null}. */
    void set(Instant to) {
        jdbc.sql("update clock_control set fixed_at = ? where id = 1")
                .param(to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).update();
        apply(Optional.ofNullable(to));
    }

    @Scheduled(fixedDelay = 1000)
    void follow() {
        if (settings.clockControl()) {
            Optional<Instant> row = read();
            if (!row.equals(applied)) {
                apply(row);
            }
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.clockControl();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        follow();
        chain.doFilter(request, response);
    }

    private Optional<Instant> read() {
        // no fixed time is a null column: optional(), as single() refuses a null
        return jdbc.sql("select fixed_at from clock_control where id = 1")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().map(OffsetDateTime::toInstant);
    }

    private synchronized void apply(Optional<Instant> to) {
        if (Objects.equals(to, applied)) {
            return;
        }
        if (to.isPresent()) {
            ClockUtil.setCurrentTime(Date.from(to.get()));
        } else {
            ClockUtil.reset();
        }
        applied = to;
        if (engine.getJobExecutor() != null && engine.getJobExecutor().isActive()) {
            engine.getJobExecutor().jobWasAdded(); // timers due at the new time fire now
        }
    }
}
