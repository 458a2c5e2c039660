package cn.cppcc.proposals.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cppcc.proposals.support.Api.Answer;
import cn.cppcc.proposals.support.IntegrationTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the operators see: the health groups for anyone (details for admins only) and the
 * Prometheus metrics for admins only, with the application's own meters.
 */
class OperationsIntegrationTest extends IntegrationTestSupport {

    static final Pattern REVIEWS = Pattern.compile(
            "(?m)^proposals_steps_completed_total\\{[^}]*taskKey=\"Task_ReviewProposal\"[^}]*} ([0-9.E]+)$");

    @Test
    void metricsCountTheStepsAndShowTheEngineMailsAndAuditChain() {
        double before = reviews(scrape());
        proposals.filed("城市交通"); // a member's submission and the office's review: one step
        assertThat(api.get("auditor1", "/api/audit/verify").body().get("ok").asBoolean()).isTrue();

        String metrics = scrape();
        assertThat(reviews(metrics)).isEqualTo(before + 1);
        assertThat(metrics)
                .containsPattern("(?m)^proposals_engine_jobs_executable [0-9.E]+$")
                .containsPattern("(?m)^proposals_engine_jobs_failed [0-9.E]+$")
                .containsPattern("(?m)^proposals_engine_incidents_open [0-9.E]+$")
                .containsPattern("(?m)^proposals_mails\\{[^}]*state=\"PENDING\"[^}]*} [0-9.E]+$")
                .containsPattern("(?m)^proposals_mails\\{[^}]*state=\"FAILED\"[^}]*} [0-9.E]+$")
                .containsPattern("(?m)^proposals_audit_chain_intact 1\\.0$")
                .contains("http_server_requests_seconds_count{");
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        Answer member = api.get("member1", "/actuator/prometheus");
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.contentType()).startsWith("application/problem+json");
        assertThat(api.get("office1", "/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void healthGroupsAnswerAnyoneWithTheirStatusOnly() {
        for (String group : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            Answer anonymous = api.get(null, group);
            assertThat(anonymous.status()).as(group).isEqualTo(200);
            assertThat(anonymous.body().get("status").asText()).as(group).isEqualTo("UP");
            assertThat(anonymous.body().has("components")).as(group).isFalse();
            assertThat(api.get("member1", group).body().has("components")).as(group).isFalse();
        }
        // the administrators see what each group is made of: the database is ready's, not live's
        Answer readiness = api.get("admin", "/actuator/health/readiness");
        assertThat(readiness.body().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(readiness.body().get("components").has("readinessState")).isTrue();
        Answer liveness = api.get("admin", "/actuator/health/liveness");
        assertThat(liveness.body().get("components").has("db")).isFalse();
        assertThat(liveness.body().get("components").has("livenessState")).isTrue();
    }

    private String scrape() {
        Answer answer = api.get("admin", "/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        return answer.body().get("text").asText();
    }

    private static double reviews(String metrics) {
        Matcher reviews = REVIEWS.matcher(metrics);
        return reviews.find() ? Double.parseDouble(reviews.group(1)) : 0;
    }
}
