package com.rewardscore.client;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The real server ({@code rewards-core serve}) as a subprocess, with its own embedded stores in a temporary directory. */
final class ServerProcess implements AutoCloseable {
    static final Path REPO_ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern STARTED = Pattern.compile("\"message\"\\s*:\\s*\"rewards-core started\"");
    private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*(\\d+)");
    private static final Pattern OTP_ID = Pattern.compile("\"otp_id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern OTP_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CLIENT = Pattern.compile(
            "\"org_id\"\\s*:\\s*\"([^\"]*)\".*\"client_id\"\\s*:\\s*\"([^\"]*)\".*\"client_secret\"\\s*:\\s*\"([^\"]*)\"");

    private final Path binary;
    private final Path dataDir;
    private final Process process;
    private final List<String> log = new ArrayList<>();
    private int port;

    /** The server binary: env REWARDS_CORE_BIN, default &lt;repo&gt;/.venv/bin/rewards-core. */
    static Path binary() {
        String configured = System.getenv("REWARDS_CORE_BIN");
        return configured != null && !configured.isEmpty() ? Path.of(configured) : REPO_ROOT.resolve(".venv/bin/rewards-core");
    }

    ServerProcess() throws IOException, InterruptedException {
        this.binary = binary();
        this.dataDir = Files.createTempDirectory(Path.of("/tmp"), "rcj"); // Short: embedded Postgres puts a socket in it.
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "serve", "--workers", "1")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment(builder.environment());
        builder.environment().put("REWARDS_ADDRESS", "127.0.0.1:0");
        builder.environment().put("REWARDS_METRICS_ADDRESS", "");
        this.process = builder.start();
        Thread drain = new Thread(this::drain, "rewards-core-stderr");
        drain.setDaemon(true);
        drain.start();
        try {
            waitUntilServing();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String target() {
        return "127.0.0.1:" + port;
    }

    /** Where the server's capture sender appends each redemption OTP, one JSON object a line. */
    Path otpFile() {
        return dataDir.resolve("otp.jsonl");
    }

    /**
     * The code of the redemption OTP {@code otpId}, as the capture sender wrote it. The server sends
     * the OTP before RequestRedemptionOtp answers, so it is there once that call returned.
     */
    String otpCode(String otpId) throws IOException {
        List<String> lines = Files.exists(otpFile()) ? Files.readAllLines(otpFile(), StandardCharsets.UTF_8) : List.of();
        for (String line : lines) {
            Matcher id = OTP_ID.matcher(line);
            Matcher code = OTP_CODE.matcher(line);
            if (id.find() && id.group(1).equals(otpId) && code.find()) {
                return code.group(1);
            }
        }
        throw new IllegalStateException("no OTP " + otpId + " in " + otpFile());
    }

    /** Runs {@code rewards-core clients create} against this server's stores. */
    Credentials createClient(String org, String scopes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "clients", "create", "--org", org, "--scopes", scopes)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        environment(builder.environment());
        Process create = builder.start();
        String stdout;
        Thread errors = new Thread(() -> {
            try {
                create.getErrorStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        errors.setDaemon(true);
        errors.start();
        stdout = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!create.waitFor(60, TimeUnit.SECONDS)) {
            create.destroyForcibly();
            throw new IllegalStateException("rewards-core clients create did not finish");
        }
        Matcher m = CLIENT.matcher(stdout);
        if (create.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("rewards-core clients create failed (" + create.exitValue() + "): " + stdout);
        }
        return new Credentials(m.group(1), m.group(2), m.group(3));
    }

    /**
     * Creates the loyalty program {@code programId} in the credentials' organisation (accounts and
     * offers are opened only in a program that exists), with the server's own {@code rewards-core call}.
     */
    void createProgram(Credentials credentials, String programId) throws IOException, InterruptedException {
        String body = "{\"program\": {\"program_id\": \"" + programId + "\", \"display_name\": \"Java e2e\","
                + " \"currency_code\": \"EUR\", \"time_zone\": \"Europe/Berlin\"}}";
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "call", "--target", target(),
                "rewards.loyalty.v1.ProgramService/CreateProgram", "-d", body)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        environment(builder.environment());
        builder.environment().put("REWARDS_ORG_ID", credentials.orgId());
        builder.environment().put("REWARDS_CLIENT_ID", credentials.clientId());
        builder.environment().put("REWARDS_CLIENT_SECRET", credentials.clientSecret());
        builder.environment().put("REWARDS_CREDENTIALS_FILE", "");
        Process call = builder.start();
        String output = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!call.waitFor(60, TimeUnit.SECONDS)) {
            call.destroyForcibly();
            throw new IllegalStateException("rewards-core call CreateProgram did not finish");
        }
        if (call.exitValue() != 0) {
            throw new IllegalStateException("rewards-core call CreateProgram " + programId + " failed: " + output);
        }
    }

    /** SIGTERM and wait; returns the exit code. The server's log is kept in target/rewards-core-e2e.log. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        synchronized (log) {
            try {
                Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
                Files.createDirectories(target);
                Files.write(target.resolve("rewards-core-e2e.log"), log, StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // Only a debugging aid.
            }
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    String recentLog() {
        synchronized (log) {
            return String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size()));
        }
    }

    private void environment(Map<String, String> env) {
        env.put("REWARDS_DATA_DIR", dataDir.toString());
        // The server embeds its own Redis and Postgres under dataDir: shared stores named by
        // REDIS_URL / DATABASE_URL are never touched.
        env.remove("REDIS_URL");
        env.remove("DATABASE_URL");
        // OTPs go to otpFile (core/adapters/otp.py), where otpCode reads what a member would have received.
        env.put("REWARDS_OTP_SENDER", "capture:" + otpFile());
    }

    private void drain() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (log) {
                    log.add(line);
                    log.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }

    private void waitUntilServing() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        synchronized (log) {
            int seen = 0;
            while (port == 0) {
                for (; seen < log.size(); seen++) {
                    String line = log.get(seen);
                    Matcher port = PORT.matcher(line);
                    if (STARTED.matcher(line).find() && port.find()) {
                        this.port = Integer.parseInt(port.group(1));
                    }
                }
                if (port != 0) {
                    break;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("rewards-core exited (" + process.exitValue() + "):\n" + recentLog());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no 'rewards-core started' line within " + START_TIMEOUT + ":\n" + recentLog());
                }
                log.wait(Math.min(100, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
        ManagedChannel channel = Grpc.newChannelBuilder(target(), InsecureChannelCredentials.create()).build();
        try {
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
            while (true) {
                try {
                    HealthCheckResponse.ServingStatus status = health.withDeadlineAfter(2, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.getDefaultInstance()).getStatus();
                    if (status == HealthCheckResponse.ServingStatus.SERVING) {
                        return;
                    }
                } catch (StatusRuntimeException notYet) {
                    // Retry below.
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("rewards-core not serving:\n" + recentLog());
                }
                Thread.sleep(50);
            }
        } finally {
            channel.shutdownNow();
        }
    }
}
