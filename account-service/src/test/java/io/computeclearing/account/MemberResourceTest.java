package io.computeclearing.account;

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
}
