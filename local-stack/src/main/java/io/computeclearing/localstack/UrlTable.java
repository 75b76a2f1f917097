package io.computeclearing.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** What the developer needs once the stack is up: every URL, where the logs are, and who can log in. */
final class UrlTable {

    private final PrintStream out;

    UrlTable(PrintStream out) {
        this.out = out;
    }

    void print(List<StackService> running, List<StackService> notBuilt) {
        String rule = "-".repeat(100);
        out.println(rule);
        row("SERVICE", "URL", "");
        for (StackService service : running) {
            row(service.name(), service.baseUrl(), "log .stack/logs/" + service.name() + ".log");
            row("  Swagger UI", service.baseUrl() + "/q/swagger-ui", "");
            row("  OpenAPI", service.baseUrl() + "/q/openapi", "");
            row("  health", service.readinessUrl(), "");
        }
        for (StackService service : notBuilt) {
            row(service.name(), "not running (not built)", "");
        }
        out.println(rule);
        row("INFRASTRUCTURE", "", "");
        row("Keycloak", KeycloakServer.baseUrl() + "/admin/", "admin console: admin / admin (realm master)");
        row("  realm ccp (issuer)", KeycloakServer.realmUrl(), "log .stack/logs/keycloak.log");
        row("  token endpoint", KeycloakServer.tokenUrl(), "client ccp-cli, password grant");
        row("  health", KeycloakServer.readinessUrl(), "");
        row("Kafka", "localhost:" + Ports.KAFKA, "bootstrap servers; log .stack/logs/kafka.log");
        row("PostgreSQL", LocalStack.jdbcUrl("<db>"), "user postgres / postgres; db "
                + StackService.ALL.stream().map(StackService::database).collect(Collectors.joining("|")));
        out.println(rule);
        row("DEMO USERS", "password = user name", "realm roles (token claim realm_access.roles)");
        row("  backoffice", "back-office", "");
        row("  risk", "risk", "");
        row("  admin", "admin", "");
        row("  indexco", "index-provider", "records index values");
        row("  alice", "member", "member_id ALPHA");
        row("  bob", "member", "member_id BRAVO");
        out.println("  token: curl -s -d client_id=ccp-cli -d username=alice -d password=alice -d grant_type=password \\");
        out.println("           " + KeycloakServer.tokenUrl());
        out.println(rule);
    }

    private void row(String what, String url, String note) {
        out.println(String.format("  %-22s %-45s %s", what, url, note).stripTrailing());
    }
}
