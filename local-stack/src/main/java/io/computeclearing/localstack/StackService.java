package io.computeclearing.localstack;

import io.computeclearing.embedded.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One of the CCP's Quarkus services as the local stack runs it: its folder, HTTP port and own database. */
record StackService(String name, int port, String database) {

    static final List<StackService> ALL = List.of(
            new StackService("account-service", 8081, "account"),
            new StackService("clearing-service", 8082, "clearing"),
            new StackService("margin-service", 8083, "margin"),
            new StackService("settlement-service", 8084, "settlement"),
            new StackService("risk-service", 8085, "risk"));

    static final String JAR = "target/quarkus-app/quarkus-run.jar";

    Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(name).resolve(JAR);
    }

    boolean isBuilt(Path repositoryRoot) {
        return Files.isRegularFile(jar(repositoryRoot));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String readinessUrl() {
        return baseUrl() + "/q/health/ready";
    }

    /**
     * The command line: the prod profile of the packaged application, pointed at the local infrastructure, with its
     * business clock adjustable ({@code PUT /clock} as admin), so a demo can be taken to a deadline, and the default
     * reference data on (the demo's products, risk parameters and indices; off in prod by default).
     */
    List<String> command(Path repositoryRoot, String javaExecutable, String jdbcUrl, String kafkaBootstrap,
                         String oidcServer) {
        return List.of(javaExecutable, "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + PostgresServer.USER,
                "-Dquarkus.datasource.password=" + PostgresServer.PASSWORD,
                "-Dkafka.bootstrap.servers=" + kafkaBootstrap,
                "-Dquarkus.oidc.auth-server-url=" + oidcServer,
                "-Dccp.clock.adjustable=true",
                "-Dccp.reference-data.defaults=true",
                "-jar", jar(repositoryRoot).toString());
    }
}
