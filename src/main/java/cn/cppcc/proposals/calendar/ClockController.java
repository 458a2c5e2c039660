package cn.cppcc.proposals.calendar;

import org.springframework.context.ApplicationEventPublisher;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md clock control, for acceptance tests only: {@code PUT /api/admin/clock {now}} moves the
 * engine's clock (deadlines, timers, recorded times) on every node ({@link SharedClock}) and wakes
 * the job executor so that due timers fire; {@code DELETE} returns to real time. Answers 404 unless proposals.clock-control=true.
 */
@RestController
class ClockController {

    private final ProposalSettings settings;
    private final CurrentActor currentActor;
    private final SharedClock clock;
    private final ApplicationEventPublisher events;

    ClockController(ProposalSettings settings, CurrentActor currentActor, SharedClock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.settings = settings;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PutMapping("/api/admin/clock")
    Map<String, Object> set(@RequestBody Map<String, Object> body) {
        allowed();
        Object now = body.get("now");
        Instant instant;
        try {
            instant = Instant.parse(String.valueOf(now));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("now", "时间格式应为ISO-8601，例如2027-01-31T09:00:00Z");
        }
        events.publishEvent(new ClockMoved(instant));
        clock.set(instant);
        return Map.of("now", instant.toString());
    }

    @DeleteMapping("/api/admin/clock")
    ResponseEntity<Void> reset() {
        allowed();
        events.publishEvent(new ClockMoved(null));
        clock.set(null);
        return ResponseEntity.noContent().build();
    }

    private void allowed() {
        if (!settings.clockControl()) {
            throw new NotFoundException("没有该资源");
        }
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以调整时钟");
        }
    }
}
