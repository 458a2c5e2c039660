package cn.cppcc.proposals.identity;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.shared.Actor;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo of API.md (profile default): units, users with password {@code demo}, their groups and a
 * current session. Runs on every start and creates only what is missing.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "proposals.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    record DemoUnit(String code, String name) {}

    record DemoUser(String id, String name, List<String> groups) {}

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("edu", "区教育局"),
            new DemoUnit("transport", "区交通运输局"),
            new DemoUnit("housing", "区住房和城乡建设局"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("office1", "王明", List.of(Actor.OFFICE)),
            new DemoUser("member1", "李华", List.of(Actor.MEMBERS)),
            new DemoUser("member2", "张伟", List.of(Actor.MEMBERS)),
            new DemoUser("member3", "刘芳", List.of(Actor.MEMBERS)),
            new DemoUser("edu1", "陈静", List.of("unit-edu")),
            new DemoUser("transport1", "杨帆", List.of("unit-transport")),
            new DemoUser("housing1", "赵磊", List.of("unit-housing")),
            new DemoUser("edu-lead", "周红", List.of("unit-edu-leaders")),
            new DemoUser("transport-lead", "吴强", List.of("unit-transport-leaders")),
            new DemoUser("housing-lead", "孙丽", List.of("unit-housing-leaders")),
            new DemoUser("chair1", "郑国庆", List.of(Actor.SUPERVISORS)),
            new DemoUser("auditor1", "钱进", List.of(Actor.AUDITORS)),
            new DemoUser("admin", "系统管理员", List.of(Actor.ADMINS, "camunda-admin")));

    private final Catalog catalog;
    private final IdentityService identityService;
    private final TransactionTemplate transaction;

    DemoData(Catalog catalog, IdentityService identityService, TransactionTemplate transaction) {
        this.catalog = catalog;
        this.identityService = identityService;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            UNITS.stream().filter(unit -> catalog.unit(unit.code()).isEmpty())
                    .forEach(unit -> catalog.createUnit(unit.code(), unit.name()));
            USERS.forEach(this::createUser);
            if (catalog.session("10-5").isEmpty()) {
                catalog.createSession("10-5", "政协第十届委员会第五次会议", 2026,
                        LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 11), false);
            }
            if (catalog.session("10-6").isEmpty()) {
                catalog.createSession("10-6", "政协第十届委员会第六次会议", 2027,
                        LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 10), true);
            }
        });
        log.info("Demo data ready: {} users (see README), units {}", USERS.size(),
                UNITS.stream().map(DemoUnit::code).toList());
    }

    private void createUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            // Tasklist shows "first last"; a Chinese name is written whole, family name first.
            user.setFirstName(demo.name());
            user.setLastName("");
            user.setEmail(demo.id() + "@example.org");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        for (String group : demo.groups()) {
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                identityService.createMembership(demo.id(), group);
            }
        }
    }
}
