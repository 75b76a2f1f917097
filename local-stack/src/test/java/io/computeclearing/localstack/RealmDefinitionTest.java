package io.computeclearing.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm must give the services what they read from tokens: realm roles, and the member user's {@code member_id}
 * attribute as an access-token claim. Keycloak 26 drops attributes its user profile does not declare, so the
 * profile must declare it, editable by administrators only (a member must not pick another member).
 */
class RealmDefinitionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void realmHasTheFiveRolesAndTheDemoUsers() throws Exception {
        JsonNode realm = realm();
        assertThat(names(realm.path("roles").path("realm"), "name"))
                .containsExactlyInAnyOrder("back-office", "member", "risk", "admin", "index-provider");
        assertThat(names(realm.path("users"), "username"))
                .containsExactlyInAnyOrder("backoffice", "risk", "admin", "indexco", "alice", "bob", "carol", "dave",
                        "erin");
        JsonNode alice = find(realm.path("users"), "username", "alice");
        assertThat(alice.path("attributes").path("member_id").get(0).asText()).isEqualTo("ALPHA");
        assertThat(names(alice.path("realmRoles"), null)).contains("member");
        // the fire drill's members' users
        FireDrill.USERS.forEach((member, user) -> {
            JsonNode drillUser = find(realm.path("users"), "username", user);
            assertThat(drillUser.path("attributes").path("member_id").get(0).asText()).isEqualTo(member);
            assertThat(names(drillUser.path("realmRoles"), null)).contains("member");
        });
    }

    @Test
    void everyClientMapsMemberIdIntoTheAccessToken() throws Exception {
        JsonNode clients = realm().path("clients");
        assertThat(names(clients, "clientId")).containsExactlyInAnyOrder("ccp-cli", "account-service",
                "clearing-service", "margin-service", "settlement-service", "risk-service");
        for (JsonNode client : clients) {
            JsonNode mapper = find(client.path("protocolMappers"), "name", "member_id");
            assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-attribute-mapper");
            assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
            assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("member_id");
        }
        JsonNode cli = find(clients, "clientId", "ccp-cli");
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
    }

    /** Every service the stack starts has its own confidential client, and the Swagger UI on its port may log in. */
    @Test
    void everyStackServiceHasItsClientAndTheSwaggerUiRedirect() throws Exception {
        JsonNode clients = realm().path("clients");
        JsonNode cli = find(clients, "clientId", "ccp-cli");
        assertThat(StackService.ALL).extracting(StackService::name).containsExactly("account-service",
                "clearing-service", "margin-service", "settlement-service", "risk-service");
        for (StackService service : StackService.ALL) {
            JsonNode client = find(clients, "clientId", service.name());
            assertThat(client.path("publicClient").asBoolean()).as(service.name()).isFalse();
            assertThat(client.path("secret").asText()).isEqualTo(service.name() + "-secret");
            assertThat(names(cli.path("redirectUris"), null)).contains(service.baseUrl() + "/*");
            assertThat(names(cli.path("webOrigins"), null)).contains(service.baseUrl());
        }
    }

    /**
     * The services require the audience compute-clearing (quarkus.oidc.token.audience in platform): the public client
     * the demo, the load driver and the system test log in through must put it into access tokens, not ID tokens.
     */
    @Test
    void thePublicClientsAccessTokensCarryTheServicesAudience() throws Exception {
        JsonNode cli = find(realm().path("clients"), "clientId", "ccp-cli");
        JsonNode mapper = find(cli.path("protocolMappers"), "protocolMapper", "oidc-audience-mapper");
        assertThat(mapper.path("config").path("included.custom.audience").asText()).isEqualTo("compute-clearing");
        assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
        assertThat(mapper.path("config").path("id.token.claim").asText()).isEqualTo("false");
        for (String service : List.of("account-service", "clearing-service", "margin-service", "settlement-service",
                "risk-service")) {
            JsonNode client = find(realm().path("clients"), "clientId", service);
            assertThat(names(client.path("protocolMappers"), "protocolMapper")).doesNotContain("oidc-audience-mapper");
        }
    }

    @Test
    void userProfileDeclaresMemberIdEditableByAdministratorsOnly() throws Exception {
        JsonNode provider = realm().path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = json.readTree(provider.path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode memberId = find(profile.path("attributes"), "name", "member_id");
        assertThat(names(memberId.path("permissions").path("edit"), null)).containsExactly("admin");
        assertThat(names(profile.path("attributes"), "name")).contains("username", "email", "firstName", "lastName");
    }

    private JsonNode realm() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            return json.readTree(in);
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(field == null ? n.asText() : n.path(field).asText()));
        return names;
    }
}
