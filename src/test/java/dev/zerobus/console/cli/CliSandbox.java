package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One sandbox for every CLI test class (started on first use, stopped at JVM exit), and profiles pointing at it in a
 * temporary ~/.databrickscfg: {@code granted} (sandbox-sp) and {@code no-grants} (no-grants-sp). Nothing here reads
 * the real environment or the user's config.
 */
final class CliSandbox {
    static final String GRANTED = "granted";
    static final String NO_GRANTS = "no-grants";
    /** The sandbox admin user with only a personal access token (no service principal). */
    static final String USER = "user";
    /** An ordinary user (no CREATE TABLE, no MANAGE) with only a personal access token. */
    static final String ANALYST = "analyst";

    private static CliSandbox instance;

    final Path root;
    final SandboxWorkspace sandbox;
    final Path databricksCfg;

    private CliSandbox() throws IOException {
        root = Files.createTempDirectory("cli-test");
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(root.resolve("sandbox")));
        var e = sandbox.endpoints();
        databricksCfg = root.resolve("databrickscfg");
        Files.writeString(databricksCfg, section(GRANTED, e.clientId(), e.clientSecret())
                + section(NO_GRANTS, SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS))
                + userSection(USER, e.userToken()) + userSection(ANALYST, e.analystToken()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "cli-test-sandbox-stop"));
    }

    static synchronized CliSandbox get() {
        if (instance == null) {
            try {
                instance = new CliSandbox();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private String section(String name, String clientId, String secret) {
        var e = sandbox.endpoints();
        return "[" + name + "]\nhost = " + e.workspaceUrl() + "\nzerobus_endpoint = " + e.zerobusEndpoint()
                + "\nclient_id = " + clientId + "\nclient_secret = " + secret + "\n\n";
    }

    private String userSection(String name, String token) {
        var e = sandbox.endpoints();
        return "[" + name + "]\nhost = " + e.workspaceUrl() + "\nzerobus_endpoint = " + e.zerobusEndpoint() + "\ntoken = " + token + "\n\n";
    }

    /** Adds a profile for a service principal created by a test (e.g. by {@code setup}). */
    synchronized void addProfile(String name, String clientId, String secret) throws IOException {
        Files.writeString(databricksCfg, section(name, clientId, secret), java.nio.file.StandardOpenOption.APPEND);
    }

    /** Profiles of the temporary ~/.databrickscfg, with {@code env} as the environment. */
    ConnectionOptions connection(Map<String, String> env) {
        return new ConnectionOptions(() -> new ProfileStore(root.resolve("config"), databricksCfg, env,
                new SecretStore.NoKeychain("tests keep no secrets")));
    }

    ConnectionOptions connection() {
        return connection(Map.of());
    }

    /** Rows in a table, read back through the SQL warehouse as the granted principal. */
    long count(String table) {
        var e = sandbox.endpoints();
        var profile = new ConnectionProfile("count", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(),
                e.clientId(), Secret.of(e.clientSecret()));
        return new TableReader(WorkspaceClients.create(profile)).count(table);
    }

    record Run(int exitCode, String out, String err) {}

    /** Executes {@code command} as picocli would, and checks that no output shows a sandbox secret. */
    Run run(Object command, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        var run = new Run(exit, out.toString(), err.toString());
        for (String secret : new String[] {sandbox.endpoints().clientSecret(), sandbox.secretOf(SandboxPrincipals.NO_GRANTS),
                sandbox.endpoints().userToken(), sandbox.endpoints().analystToken()}) {
            assertThat(run.out()).doesNotContain(secret);
            assertThat(run.err()).doesNotContain(secret);
        }
        return run;
    }

    private void stop() {
        sandbox.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
