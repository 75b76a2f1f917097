package io.computeclearing.account.member;

import io.computeclearing.account.Api;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class MemberResourceTest {

    @Test
    void backOfficeRegistersAMemberAndItIsPublished() {
        given().auth().oauth2(TestTokens.backOffice()).contentType(ContentType.JSON)
                .body("""
                        {"id":"ALPHA","legalName":"Alpha Clearing LLC","lei":"5493001KJTIIGC8Y1R12",
                         "membershipType":"GENERAL_CLEARING_MEMBER"}""")
                .post("/members")
                .then().statusCode(201).body("status", equalTo("ACTIVE"));

        var records = TopicProbe.readUntil(Topics.ACCOUNTS, r -> r.value().contains("\"ALPHA\""), Duration.ofSeconds(20));
        EventEnvelope event = EventCodec.decode(records.getLast().value());
        assertThat(records.getLast().key()).isEqualTo("ALPHA");
        assertThat(event.is(AccountEvents.MEMBER_REGISTERED)).isTrue();
        assertThat(EventCodec.payload(event, AccountEvents.MEMBER_REGISTERED).lei()).isEqualTo("5493001KJTIIGC8Y1R12");
    }

    @Test
    void requestsWithoutTokenAreRejected() {
        given().get("/members").then().statusCode(401);
    }

    @Test
    void invalidMemberIsAProblem() {
        given().auth().oauth2(TestTokens.backOffice()).contentType(ContentType.JSON)
                .body("""
                        {"id":"x","legalName":"","lei":"123","membershipType":"GENERAL_CLEARING_MEMBER"}""")
                .post("/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"));
    }

    @Test
    void leiWithWrongCheckDigitsIsRefused() {
        // 5493001KJTIIGC8Y1R12 is valid; changing its last digit breaks the ISO 7064 MOD 97-10 check
        Api.backOffice().body("""
                        {"id":"%s","legalName":"Typo Clearing LLC","lei":"5493001KJTIIGC8Y1R13",
                         "membershipType":"DIRECT_CLEARING_MEMBER"}""".formatted(Api.unique("TYPO")))
                .post("/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("lei"))
                .body("detail", startsWith("lei: check digits do not match"));
    }

    @Test
    void suspendAndReinstateArePublishedWithTheReason() {
        String member = Api.registerMember("DELTA");

        Api.backOffice().body("{\"reason\":\"margin call unmet by deadline\"}")
                .post("/members/{id}/suspend", member)
                .then().statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("margin call unmet by deadline"));
        Api.backOffice().body("{\"reason\":\"call met\"}")
                .post("/members/{id}/reinstate", member)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        var records = TopicProbe.readUntil(Topics.ACCOUNTS,
                r -> member.equals(r.key()) && r.value().contains("\"call met\""), Duration.ofSeconds(20));
        var changes = records.stream()
                .filter(r -> member.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> e.is(AccountEvents.MEMBER_STATUS_CHANGED))
                .map(e -> EventCodec.payload(e, AccountEvents.MEMBER_STATUS_CHANGED))
                .toList();
        assertThat(changes).containsExactly(
                new AccountEvents.MemberStatusChanged(member, "SUSPENDED", "margin call unmet by deadline"),
                new AccountEvents.MemberStatusChanged(member, "ACTIVE", "call met"));
    }

    @Test
    void suspendingASuspendedMemberIsAConflict() {
        String member = Api.registerMember("ECHO");
        Api.backOffice().body("{\"reason\":\"default\"}").post("/members/{id}/suspend", member)
                .then().statusCode(200);

        Api.backOffice().body("{\"reason\":\"again\"}").post("/members/{id}/suspend", member)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/illegal-status-transition"))
                .body("detail", equalTo("member '" + member + "' is already SUSPENDED"));
        Api.backOffice().get("/members/{id}", member).then().body("statusReason", equalTo("default"));
    }

    @Test
    void reinstatingAnActiveMemberIsAConflict() {
        String member = Api.registerMember("FOXTROT");

        Api.backOffice().body("{\"reason\":\"no reason\"}").post("/members/{id}/reinstate", member)
                .then().statusCode(409).body("type", equalTo("/problems/illegal-status-transition"));
    }

    @Test
    void aStatusChangeNeedsAReason() {
        String member = Api.registerMember("GOLF");

        Api.backOffice().body("{}").post("/members/{id}/suspend", member)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        Api.backOffice().get("/members/{id}", member).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void suspendingAnUnknownMemberIsNotFound() {
        Api.backOffice().body("{\"reason\":\"x\"}").post("/members/NOBODY-0/suspend")
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }
}
