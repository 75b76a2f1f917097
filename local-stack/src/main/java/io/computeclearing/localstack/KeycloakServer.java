package io.computeclearing.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from its Maven distribution zip ({@code org.keycloak:keycloak-quarkus-dist}, copied by the build into
 * {@code local-stack/target/keycloak-dist/}), unpacked once into {@code .stack/keycloak/} and run in development mode
 * with the {@code ccp} realm imported from {@code data/import/}.
 */
final class KeycloakServer {

    static final String REALM = "ccp";
    static final String REALM_RESOURCE = "/keycloak/ccp-realm.json";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Path distributionFolder;
    private final Path installFolder;

    KeycloakServer(Path distributionFolder, Path installFolder) {
        this.distributionFolder = distributionFolder;
        this.installFolder = installFolder;
    }

    static String baseUrl() {
        return "http://localhost:" + Ports.KEYCLOAK;
    }

    static String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    static String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    static String readinessUrl() {
        return "http://localhost:" + Ports.KEYCLOAK_MANAGEMENT + "/health/ready";
    }

    /**
     * Unpacks the distribution unless this version is already there, and puts the current realm definition in
     * {@code data/import/}. Keycloak imports a realm only if it does not exist yet, so when the definition changed
     * since the last start its development database is dropped and the realm is imported afresh.
     *
     * @return the Keycloak home folder, and whether this call unpacked it (the first start builds for ~35 s)
     */
    Installation install(Progress progress) {
        Path zip = distributionZip();
        String home = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-").replace(".zip", "");
        Path keycloakHome = installFolder.resolve(home);
        boolean fresh = !Files.isRegularFile(keycloakHome.resolve("bin/kc.sh"));
        try {
            if (fresh) {
                progress.note("unpacking " + zip.getFileName() + " into " + installFolder);
                unzip(zip, keycloakHome);
            }
            byte[] realm = realmDefinition();
            Path imported = keycloakHome.resolve("data/import/" + REALM + "-realm.json");
            String digest = sha256(realm);
            Path digestFile = installFolder.resolve(REALM + "-realm.sha256");
            boolean changed = Files.exists(digestFile) && !Files.readString(digestFile).strip().equals(digest);
            Path database = keycloakHome.resolve("data/h2");
            if (changed && Files.exists(database)) {
                progress.note("realm definition changed since the last start: Keycloak's development database is reset");
                deleteRecursively(database);
            }
            Files.createDirectories(imported.getParent());
            Files.write(imported, realm);
            Files.writeString(digestFile, digest + System.lineSeparator());
            return new Installation(keycloakHome, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install Keycloak into " + keycloakHome + ": " + e.getMessage(), e);
        }
    }

    ChildProcess start(Installation installation, Path logDirectory) {
        Path home = installation.home();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + Ports.KEYCLOAK,
                "--http-management-port=" + Ports.KEYCLOAK_MANAGEMENT,
                "--import-realm",
                "--health-enabled=true");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // Replaces only the heap part of kc.sh's default JAVA_OPTS (GC, metaspace, encodings stay).
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return ChildProcess.start("keycloak", command, environment, home, logDirectory);
    }

    private Path distributionZip() {
        try (Stream<Path> files = Files.list(distributionFolder)) {
            return files.filter(f -> f.getFileName().toString().matches("keycloak-quarkus-dist-.*\\.zip"))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException(missingDistribution()));
        } catch (IOException e) {
            throw new IllegalStateException(missingDistribution(), e);
        }
    }

    private String missingDistribution() {
        return "the Keycloak distribution zip is not in " + distributionFolder
                + "; build the launcher first: ./mvnw -pl local-stack -am package -DskipTests";
    }

    private static byte[] realmDefinition() throws IOException {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("realm definition " + REALM_RESOURCE + " missing from the launcher jar");
            }
            return in.readAllBytes();
        }
    }

    /** Unpacks into a temporary sibling and renames it, so that an interrupted first start never leaves half a server. */
    private static void unzip(Path zip, Path keycloakHome) throws IOException {
        Path staging = keycloakHome.resolveSibling(keycloakHome.getFileName() + ".unpacking");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(archive.entries())) {
                // Entries are "keycloak-<version>/..."; drop that first segment.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        // java.util.zip does not carry Unix modes: make the scripts executable again.
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(staging.resolve("bin"), "*.sh")) {
            for (Path script : scripts) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        deleteRecursively(keycloakHome);
        Files.move(staging, keycloakHome, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Installation(Path home, boolean fresh) {
    }

    /** Where the stack prints what it is doing. */
    interface Progress {
        void note(String line);
    }
}
