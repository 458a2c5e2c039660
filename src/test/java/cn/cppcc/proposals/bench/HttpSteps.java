package cn.cppcc.proposals.bench;

import java.util.Map;

/** The steps through the HTTP API, as the demo users with their password. */
final class HttpSteps implements Steps {

    private final Client client;

    HttpSteps(Client client) {
        this.client = client;
    }

    @Override
    public long submit(String member, Map<String, Object> submission) {
        return client.post(ApiStep.SUBMIT.label(), member, Client.DEMO_PASSWORD, ApiStep.SUBMIT.path(0, null, null),
                submission).get("id").asLong();
    }

    @Override
    public void take(ApiStep step, String user, long proposalId, String unit, Map<String, Object> body) {
        client.post(step.label(), user, Client.DEMO_PASSWORD, step.path(proposalId, unit, user), body);
    }
}
