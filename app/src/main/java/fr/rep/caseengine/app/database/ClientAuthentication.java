package fr.rep.caseengine.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded server's {@code pg_hba.conf}: who may connect, from where, how. Earlier versions of the app let any
 * local process in as superuser without a password ({@code trust}); the app now writes this file at each start.
 */
final class ClientAuthentication {

    /** Password (SCRAM-SHA-256) over loopback only; no line for the Unix socket, which the server does not open. */
    static final String PASSWORDS_ONLY = """
            # Written by the app at each start (docs/security.md): edits are lost. Every client signs in with its
            # password (SCRAM-SHA-256), over loopback only; the server opens no Unix socket.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private ClientAuthentication() {}

    /** True for a data directory of an earlier version, whose clients needed no password. */
    static boolean trusting(Path dataDirectory) {
        try {
            return Files.readAllLines(file(dataDirectory), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(dataDirectory), e);
        }
    }

    static void requirePasswords(Path dataDirectory) {
        try {
            Files.writeString(file(dataDirectory), PASSWORDS_ONLY, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file(dataDirectory), e);
        }
    }

    private static Path file(Path dataDirectory) {
        return dataDirectory.resolve("pg_hba.conf");
    }
}
