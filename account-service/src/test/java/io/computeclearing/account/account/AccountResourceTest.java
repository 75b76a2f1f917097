package io.computeclearing.account.account;

import io.computeclearing.account.Api;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.EventEnvelope;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AccountResourceTest {

    @Test
    void backOfficeOpensAnAccountAndItIsPublished() {
        String member = Api.registerMember("ALPHA");
        String account = member + "-H";

        Api.backOffice().body("""
                        {"id":"%s","memberId":"%s","type":"CLIENT_OMNIBUS","baseCurrency":"CNY"}"""
                        .formatted(account, member))
                .post("/accounts")
                .then().statusCode(201)
                .header("Location", endsWith("/accounts/" + account))
                .body("id", equalTo(account))
                .body("memberId", equalTo(member))
                .body("type", equalTo("CLIENT_OMNIBUS"))
                .body("status", equalTo("ACTIVE"))
                .body("baseCurrency", equalTo("CNY"));

        var records = TopicProbe.readUntil(Topics.ACCOUNTS,
                r -> account.equals(r.key()) && r.value().contains("AccountOpened"), Duration.ofSeconds(20));
        EventEnvelope event = EventCodec.decode(records.getLast().value());
        assertThat(records.getLast().key()).isEqualTo(account);
        assertThat(EventCodec.payload(event, AccountEvents.ACCOUNT_OPENED))
                .isEqualTo(new AccountEvents.AccountOpened(account, member, "CLIENT_OMNIBUS", "CNY", "ACTIVE"));
    }

    @Test
    void anAccountForAnUnknownMemberIsRefused() {
        Api.backOffice().body("""
                        {"id":"GHOST-H","memberId":"GHOST","type":"HOUSE","baseCurrency":"USD"}""")
                .post("/accounts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-member"));
        Api.backOffice().get("/accounts/GHOST-H").then().statusCode(404);
    }

    @Test
    void aSuspendedMemberCannotOpenAccounts() {
        String member = Api.registerMember("HOTEL");
        Api.backOffice().body("{\"reason\":\"default\"}").post("/members/{id}/suspend", member)
                .then().statusCode(200);

        Api.backOffice().body("""
                        {"id":"%s-H","memberId":"%s","type":"HOUSE","baseCurrency":"USD"}""".formatted(member, member))
                .post("/accounts")
                .then().statusCode(422).body("type", equalTo("/problems/member-not-active"));
    }

    @Test
    void aBaseCurrencyThatIsNotAcceptedIsRefused() {
        String member = Api.registerMember("INDIA");

        Api.backOffice().body("""
                        {"id":"%s-H","memberId":"%s","type":"HOUSE","baseCurrency":"GBP"}""".formatted(member, member))
                .post("/accounts")
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("baseCurrency"));
    }

    @Test
    void anUnknownAccountTypeIsAMalformedRequest() {
        String member = Api.registerMember("JULIET");

        Api.backOffice().body("""
                        {"id":"%s-H","memberId":"%s","type":"PROPRIETARY","baseCurrency":"USD"}""".formatted(member, member))
                .post("/accounts")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-request"));
    }

    @Test
    void openingAnExistingAccountIsAConflict() {
        String member = Api.registerMember("KILO");
        String account = Api.openAccount(member, "USD");

        Api.backOffice().body("""
                        {"id":"%s","memberId":"%s","type":"HOUSE","baseCurrency":"USD"}""".formatted(account, member))
                .post("/accounts")
                .then().statusCode(409).body("type", equalTo("/problems/account-exists"));
    }

    @Test
    void suspendAndReinstateAnAccountArePublished() {
        String account = Api.newAccount("LIMA", "USD");

        Api.backOffice().body("{\"reason\":\"client moved\"}").post("/accounts/{id}/suspend", account)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Api.backOffice().body("{\"reason\":\"again\"}").post("/accounts/{id}/suspend", account)
                .then().statusCode(409).body("type", equalTo("/problems/illegal-status-transition"));
        Api.backOffice().body("{\"reason\":\"client back\"}").post("/accounts/{id}/reinstate", account)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        var records = TopicProbe.readUntil(Topics.ACCOUNTS,
                r -> account.equals(r.key()) && r.value().contains("client back"), Duration.ofSeconds(20));
        assertThat(records.stream().filter(r -> account.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> e.is(AccountEvents.ACCOUNT_STATUS_CHANGED))
                .map(e -> EventCodec.payload(e, AccountEvents.ACCOUNT_STATUS_CHANGED).status()))
                .containsExactly("SUSPENDED", "ACTIVE");
    }

    @Test
    void staffListAccountsOfOneMember() {
        String member = Api.registerMember("MIKE");
        String first = Api.openAccount(member, "USD");
        String second = Api.openAccount(member, "CNY");
        Api.newAccount("NOVEMBER", "USD");

        Api.as(TestTokens.risk()).queryParam("memberId", member).get("/accounts")
                .then().statusCode(200).body("id", containsInAnyOrder(first, second));
    }
}
