package cn.cppcc.proposals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bare engine of {@code ../shared/bench-baseline} (its README): built on demand with
 * {@code mvn -q -B -DskipTests package}, started as its own process with
 * {@code java -jar target/skeleton-1.jar} on the run's database, and driven with its 13 calls a
 * proposal. Its code stays where it is; when its folder is read-only the build runs in a copy under
 * {@code target/bench/bench-baseline} (the copy is a build directory, never part of this project).
 */
final class BaselineServer implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench";
    static final int REQUESTS = 13;
    static final String START = "POST /engine-rest/process-definition/key/SkeletonProcess/start";
    static final String TASK_QUERY = "GET /engine-rest/task?processInstanceId=…";
    static final String COMPLETE = "POST /engine-rest/task/{id}/complete";
    /** The six tasks of the skeleton process, each completed with one String variable named after the step. */
    static final List<Map.Entry<String, String>> STEP_VARIABLES = List.of(Map.entry("decision", "FILE"),
            Map.entry("units", "edu"), Map.entry("accept", "true"), Map.entry("classification", "A"),
            Map.entry("approve", "true"), Map.entry("rating", "SATISFIED"));

    private final Process process;
    private final String baseUrl;
    private final double startupSeconds;

    private BaselineServer(Process process, String baseUrl, double startupSeconds) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.startupSeconds = startupSeconds;
    }

    /** The runnable jar: the one in {@code baseline} if built, else built there or in a copy. */
    static Path jar(Path baseline, Path workDirectory) throws IOException, InterruptedException {
        Path built = baseline.resolve("target/skeleton-1.jar");
        if (Files.exists(built)) {
            return built;
        }
        Path buildDirectory = baseline;
        // by its permissions, not by whether we could: as root we could write into a folder marked read-only
        if (!Files.getPosixFilePermissions(baseline).contains(PosixFilePermission.OWNER_WRITE)) {
            buildDirectory = workDirectory.resolve("bench-baseline");
            Path copied = buildDirectory.resolve("target/skeleton-1.jar");
            if (Files.exists(copied)) {
                return copied;
            }
            System.out.println("The baseline's folder " + baseline + " is read-only: building a copy of it in " + buildDirectory);
            BenchDatabase.deleteRecursively(buildDirectory);
            copy(baseline, buildDirectory);
        }
        System.out.println("Building the baseline: mvn -q -B -DskipTests package in " + buildDirectory);
        // offline first (the local repository usually has everything), then online
        if (mvn(buildDirectory, "-o") != 0 && mvn(buildDirectory) != 0) {
            throw new IllegalStateException("The baseline's build failed in " + buildDirectory);
        }
        return buildDirectory.resolve("target/skeleton-1.jar");
    }

    private static int mvn(Path directory, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "-DskipTests"));
        command.addAll(List.of(options));
        command.add("package");
        return new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start().waitFor();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.startsWith(from.resolve("target"))) {
                    Files.copy(path, target);
                }
            }
        }
    }

    /**
     * Starts the bare engine with the same maximum heap as this JVM; its start-up is measured until
     * its REST API answers an authenticated request. Its output goes to {@code baseline.log}.
     */
    static BaselineServer start(Path jar, BenchDatabase database, Path workDirectory) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(database.baselineArguments());
        Path log = workDirectory.resolve("baseline.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String baseUrl = "http://localhost:" + port;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/process-definition/count"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes()))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The baseline stopped while starting; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new BaselineServer(process, baseUrl, (System.nanoTime() - start) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The baseline did not start within 3 minutes; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /**
     * One proposal's 13 calls (the baseline's README): start with a unique business key and the
     * variable {@code title}, then six times find the instance's task and complete it.
     */
    static void lifecycle(Client client, String businessKey) {
        JsonNode started = client.post(START, USER, PASSWORD, "/engine-rest/process-definition/key/SkeletonProcess/start",
                Map.of("businessKey", businessKey, "variables", Map.of("title", string("关于改善学校周边交通秩序的建议"))));
        String instance = started.get("id").asText();
        for (Map.Entry<String, String> step : STEP_VARIABLES) {
            JsonNode tasks = client.get(TASK_QUERY, USER, PASSWORD, "/engine-rest/task?processInstanceId=" + instance);
            if (tasks.size() != 1) {
                throw new IllegalStateException("instance " + instance + " has " + tasks.size() + " open tasks");
            }
            client.post(COMPLETE, USER, PASSWORD, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                    Map.of("variables", Map.of(step.getKey(), string(step.getValue()))));
        }
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** Stops the process this benchmark started: gracefully, forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
