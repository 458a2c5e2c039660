package cn.cppcc.proposals.security;

import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.DatabaseDown;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's REST API ({@code /engine-rest}) and the webapps' ({@code /camunda/api/...}, which
 * Tasklist uses) answer a client's mistake with a 4xx (API.md "Errors"), in Camunda's JSON shape
 * {@code {type, message, code?}} that Tasklist shows, with {@code errors} added for bad input:
 * <ul>
 * <li>a database that is down ({@link DatabaseDown}) answers 503 with {@code Retry-After}, logged
 * without its stack trace: it is no fault of the server's code;
 * <li>what {@link ClientError} knows, also inside the engine's wrappers (ENGINE-03051: a step's
 * task listener refused), answers with its status and the step's Chinese message; a race for a
 * step (a version check failed, the task was claimed first) answers 409;
 * <li>what Camunda answers with a 4xx stays as Camunda answers it;
 * <li>a failure Camunda answers with 500 whose cause is the client's answers with a 4xx: a 4xx
 * exception inside Camunda's own wrappers, a {@code NullValueException} (an unknown id or a missing
 * value), a body that is no JSON or not the expected one, a Java-serialized variable;
 * <li>anything else is a server fault: logged once with its stack trace, 500 without internals.
 * </ul>
 * Two request filters stop before Camunda's resources what they would fail on with a 500: a body
 * without a Content-Type (415), a long poll where the servlet cannot wait (404). Client errors are
 * logged at DEBUG only. Jersey registers this in every Jersey application of the
 * JVM (META-INF/services), also in the webapps' applications, which the webapp starter builds out
 * of Spring's reach. The mappers take the same exception types as Camunda's own and win by priority.
 */
public final class EngineRestErrors implements ForcedAutoDiscoverable {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    /** Camunda's mappers have no priority (Priorities.USER); among mappers of one type Jersey takes the lowest. */
    static final int AHEAD_OF_CAMUNDA = Priorities.USER - 1000;

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> provider : List.of(AnyFailure.class, EngineFailure.class, RestFailure.class, UnreadableJson.class,
                UnexpectedJson.class, ContentTypeRequired.class, AsyncOnlyWhereSupported.class)) {
            if (!context.getConfiguration().isRegistered(provider)) {
                context.register(provider);
            }
        }
    }

    static Response answer(Throwable failure, String method, String path) {
        if (DatabaseDown.in(failure)) {
            log.warn("Database unavailable on {} {}: {}", method, path, failure.toString());
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", String.valueOf(DatabaseDown.RETRY_AFTER_SECONDS))
                    .entity(Map.of("type", "ServiceUnavailable", "message", DatabaseDown.DETAIL)).build();
        }
        Response lost = null;
        try {
            lost = method.equals("GET") ? null : lostRace(failure, path);
        } catch (RuntimeException lookup) {
            log.debug("{} {}: cannot tell whether the task is still open", method, path, lookup);
        }
        if (lost != null) {
            return lost;
        }
        Optional<ClientError> known = ClientError.in(failure);
        if (known.isPresent()) {
            ClientError error = known.get();
            log.debug("{} {} answered {}: {}", method, path, error.status(), error.detail());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", error.source().getClass().getSimpleName());
            body.put("message", error.detail());
            if (error.errors() != null) {
                body.put("errors", error.errors());
            }
            return json(error.status(), body);
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause()) {
            int status = clientStatus(t);
            if (status > 0) {
                log.debug("{} {} answered {}", method, path, status, failure);
                return json(status, ExceptionHandlerHelper.getInstance().fromException(t));
            }
        }
        return serverFault(failure, method, path);
    }

    /**
     * A change of one task ({@code /task/{id}/...}) that failed because the task is no longer open:
     * another request completed it first. However it showed (the engine's or JPA's version check, a
     * task read without its execution or its candidates, or, coming late, no task at all), it answers
     * 409 naming the step when the caller could have worked the task (its assignee or a candidate),
     * and 404 when the task never existed or was none of the caller's. While the task is open, a race
     * for it (a claim) is named too; {@code null} for any other failure: it says what went wrong.
     */
    static Response lostRace(Throwable failure, String path) {
        Matcher task = ONE_TASK.matcher(path);
        ProcessEngine engine = task.find() ? ProcessEngines.getDefaultProcessEngine(false) : null;
        if (engine == null) {
            return null;
        }
        String taskId = task.group(1);
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        TaskState state = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
                    Task open = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
                    if (open != null) {
                        return new TaskState(true, open.getName());
                    }
                    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
                            .singleResult();
                    if (done == null || caller == null || caller.getUserId() == null) {
                        return TaskState.UNKNOWN;
                    }
                    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
                    boolean worker = caller.getUserId().equals(done.getAssignee()) || engine.getHistoryService()
                            .createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                            .anyMatch(link -> caller.getUserId().equals(link.getUserId()) || groups.contains(link.getGroupId()));
                    return worker ? new TaskState(false, done.getName()) : TaskState.UNKNOWN;
                }));
        if (state.open()) {
            // a race for the open task (a claim, a version check): named; else the failure says it
            Optional<ClientError> race = ClientError.in(failure)
                    .filter(error -> error.status() == 409 && ClientError.RACE_DETAIL.equals(error.detail()));
            return race.map(error -> json(409, Map.of("type", error.source().getClass().getSimpleName(),
                    "message", ClientError.raceDetail(state.name())))).orElse(null);
        }
        log.debug("{} answered for a task no longer open: {}", path, failure.toString());
        if (state == TaskState.UNKNOWN) {
            return json(404, Map.of("type", "NotFoundException", "message", "没有该任务：" + taskId));
        }
        return json(409, Map.of("type", "ConflictException", "message", ClientError.raceDetail(state.name())));
    }

    /** Changes of one task: its id. */
    private static final Pattern ONE_TASK = Pattern.compile("/task/([^/]+)/[^/]+$");

    /** A task that is open or done, with its name; or unknown to the caller. */
    private record TaskState(boolean open, String name) {
        static final TaskState UNKNOWN = new TaskState(false, null);
    }

    /**
     * The 4xx Camunda gives this exception; 400 for a body that is no JSON or not the expected one, for
     * a NullValueException (an unknown id or a missing value) and for what the engine refuses by
     * configuration (Camunda answers these with 500); else 0.
     */
    private static int clientStatus(Throwable t) {
        if (t instanceof NullValueException || t instanceof JsonProcessingException || refusedByConfiguration(t)) {
            return 400;
        }
        Response.Status status = ExceptionHandlerHelper.getInstance().getStatus(t);
        return status != null && status.getStatusCode() < 500 ? status.getStatusCode() : 0;
    }

    /** ENGINE-17007: a Java-serialized variable (java-serialization-format-enabled: false); a plain ProcessEngineException. */
    private static boolean refusedByConfiguration(Throwable t) {
        return t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().startsWith("ENGINE-17007 ");
    }

    private static Response serverFault(Throwable failure, String method, String path) {
        log.error("Engine REST API failure on {} {}", method, path, failure);
        return json(500, Map.of("type", "ServerError", "message", "处理失败，请联系管理员"));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** One mapper per exception type Camunda maps (Jersey takes the mapper of the nearest type first). */
    abstract static class Mapper<T extends Throwable> implements ExceptionMapper<T> {

        @Context
        private Request request;
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(T failure) {
            return answer(failure, request.getMethod(), uri.getRequestUri().getRawPath());
        }
    }

    /** In place of Camunda's {@code ExceptionHandler}. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class AnyFailure extends Mapper<Throwable> {
    }

    /** In place of Camunda's {@code ProcessEngineExceptionHandler}. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class EngineFailure extends Mapper<ProcessEngineException> {
    }

    /** In place of Camunda's {@code RestExceptionHandler}. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class RestFailure extends Mapper<RestException> {
    }

    /** In place of Camunda's and Jackson's (registered alike; Jackson's answers as text): a body that is no JSON. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class UnreadableJson extends Mapper<JsonParseException> {
    }

    /** In place of Camunda's and Jackson's: JSON that does not fit the expected body. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class UnexpectedJson extends Mapper<JsonMappingException> {
    }

    /**
     * A request without a Content-Type to a method that reads a body: Jersey answers 415 when a body
     * comes, but passes null when none does, on which Camunda's resources fail with a
     * NullPointerException (a deployment without its form, a task query or a claim without JSON).
     * 415 for both.
     */
    public static final class ContentTypeRequired implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext context) {
            ResourceMethod method = matched(context);
            if (context.getMediaType() == null && method != null && method.getInvocable().getParameters().stream()
                    .anyMatch(parameter -> parameter.getSource() == Parameter.Source.ENTITY)) {
                String expected = method.getConsumedTypes().stream().map(MediaType::toString).collect(Collectors.joining("、"));
                throw new NotSupportedException("请求须带有请求体及其Content-Type" + (expected.isEmpty() ? "" : "（" + expected + "）"));
            }
        }
    }

    /**
     * A method that answers asynchronously (external tasks' fetchAndLock) cannot run behind a servlet
     * without async support, as the webapps' engine API is registered: every call failed there with
     * a 500. 404 there: the engine REST API serves it.
     */
    public static final class AsyncOnlyWhereSupported implements ContainerRequestFilter {

        @Context
        private HttpServletRequest servletRequest;

        @Override
        public void filter(ContainerRequestContext context) {
            ResourceMethod method = matched(context);
            if (method != null && method.isSuspendDeclared() && !servletRequest.isAsyncSupported()) {
                throw new NotFoundException("该接口仅由 /engine-rest 提供");
            }
        }
    }

    private static ResourceMethod matched(ContainerRequestContext context) {
        return context instanceof ContainerRequest request ? request.getUriInfo().getMatchedResourceMethod() : null;
    }
}
