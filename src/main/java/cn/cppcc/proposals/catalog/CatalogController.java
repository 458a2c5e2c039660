package cn.cppcc.proposals.catalog;

import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.CurrentActor;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.Input;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/units}, {@code /api/categories}, {@code /api/sessions}: admins write, others read. */
@RestController
class CatalogController {

    private final Catalog catalog;
    private final CurrentActor currentActor;

    CatalogController(Catalog catalog, CurrentActor currentActor) {
        this.catalog = catalog;
        this.currentActor = currentActor;
    }

    record UnitView(String code, String name, boolean active) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.getCode(), unit.getName(), unit.isActive());
        }
    }

    record CategoryView(String name, int position, boolean active) {
        static CategoryView of(Category category) {
            return new CategoryView(category.getName(), category.getPosition(), category.isActive());
        }
    }

    record SessionView(String code, String name, int year, String plenaryOpens, String submissionDeadline,
                       boolean current) {
        static SessionView of(CommitteeSession s) {
            return new SessionView(s.getCode(), s.getName(), s.getYear(), s.getPlenaryOpens().toString(),
                    s.getSubmissionDeadline().toString(), s.isCurrent());
        }
    }

    @GetMapping("/api/units")
    List<UnitView> units() {
        return catalog.units().stream().map(UnitView::of).toList();
    }

    @PostMapping("/api/units")
    ResponseEntity<UnitView> createUnit(@RequestBody Map<String, Object> body) {
        requireAdmin();
        Input input = Input.of(body);
        String code = input.requiredText("code", 31);
        String name = input.requiredText("name", 100);
        input.validate();
        Unit unit = catalog.createUnit(code, name);
        return ResponseEntity.created(URI.create("/api/units/" + unit.getCode())).body(UnitView.of(unit));
    }

    @PutMapping("/api/units/{code}")
    UnitView updateUnit(@PathVariable String code, @RequestBody Map<String, Object> body) {
        requireAdmin();
        Input input = Input.of(body);
        String name = input.text("name", 100);
        Boolean active = input.optionalBoolean("active");
        input.validate();
        return UnitView.of(catalog.updateUnit(code, name, active));
    }

    @GetMapping("/api/categories")
    List<CategoryView> categories() {
        return catalog.categories().stream().map(CategoryView::of).toList();
    }

    @PostMapping("/api/categories")
    ResponseEntity<CategoryView> createCategory(@RequestBody Map<String, Object> body) {
        requireAdmin();
        Input input = Input.of(body);
        String name = input.requiredText("name", 50);
        input.validate();
        return ResponseEntity.status(201).body(CategoryView.of(catalog.createCategory(name)));
    }

    @PutMapping("/api/categories/{name}")
    CategoryView updateCategory(@PathVariable String name, @RequestBody Map<String, Object> body) {
        requireAdmin();
        Input input = Input.of(body);
        Boolean active = input.requiredBoolean("active");
        input.validate();
        return CategoryView.of(catalog.setCategoryActive(name, active));
    }

    @GetMapping("/api/sessions")
    List<SessionView> sessions() {
        return catalog.sessions().stream().map(SessionView::of).toList();
    }

    @PostMapping("/api/sessions")
    ResponseEntity<SessionView> createSession(@RequestBody Map<String, Object> body) {
        requireAdmin();
        Input input = Input.of(body);
        String code = input.requiredText("code", 32);
        String name = input.requiredText("name", 100);
        Long year = input.number("year");
        input.check(year != null && year >= 1949 && year <= 2200, "year", "年份无效");
        var opens = input.requiredDate("plenaryOpens", java.time.ZoneOffset.UTC);
        var deadline = input.requiredDate("submissionDeadline", java.time.ZoneOffset.UTC);
        boolean current = input.flag("current");
        input.validate();
        CommitteeSession session = catalog.createSession(code, name, year.intValue(), opens, deadline, current);
        return ResponseEntity.created(URI.create("/api/sessions/" + session.getCode())).body(SessionView.of(session));
    }

    private void requireAdmin() {
        Actor actor = currentActor.get();
        if (!actor.isIn(Actor.ADMINS)) {
            throw new ForbiddenException("只有系统管理员可以修改");
        }
    }
}
