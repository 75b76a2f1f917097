package io.computeclearing.clearing.giveup;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.clearing.ClearingEvents;
import io.computeclearing.platform.events.clearing.ClearingEvents.GiveUpAccepted;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A give-up moves a leg to another member's account only when that member accepts; nobody else can decide it. */
@QuarkusTest
class GiveUpTest {

    @Test
    void theLegMovesOnlyWhenTheReceivingMemberAccepts() {
        String executing = Accounts.member("GUE");
        String receiving = Accounts.member("GUR");
        String outsider = Accounts.member("GUX");
        String from = Accounts.open(executing, "HOUSE");
        String to = Accounts.open(receiving, "CLIENT_OMNIBUS");
        String seller = Accounts.open(outsider, "HOUSE");
        Accounts.awaitTradable(from, to, seller);
        String instrument = Api.listed("GH100").get(2);
        TestTrade trade = TestTrade.of(instrument, 8, "2.6", from, seller);
        long tradeId = Api.cleared(trade);

        // Neither the other side nor the receiver may give up the executing member's leg.
        giveUp(TestTokens.member(outsider), tradeId, "BUY", to).then().statusCode(404);
        giveUp(TestTokens.member(receiving), tradeId, "BUY", to).then().statusCode(404);
        long giveUpId = ((Number) giveUp(TestTokens.member(executing), tradeId, "BUY", to).then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("giveUpId")).longValue();
        giveUp(TestTokens.member(executing), tradeId, "BUY", to).then().statusCode(409)
                .body("type", equalTo("/problems/give-up-pending"));
        assertThat(Api.position(from, instrument)).containsExactly(8L, 0L);
        assertThat(Api.position(to, instrument)).containsExactly(0L, 0L);

        // Only the receiving member decides; to anyone else the give-up does not exist.
        Api.as(TestTokens.member(outsider)).post("/give-ups/{id}/accept", giveUpId).then().statusCode(404);
        Api.as(TestTokens.member(executing)).post("/give-ups/{id}/accept", giveUpId).then().statusCode(404);
        Api.as(TestTokens.member(outsider)).get("/give-ups").then().statusCode(200)
                .body("findAll { it.giveUpId == " + giveUpId + " }", hasSize(0));
        Api.as(TestTokens.member(executing)).queryParam("status", "PENDING").get("/give-ups").then().statusCode(200)
                .body("giveUpId", equalTo(List.of((int) giveUpId)));

        Api.as(TestTokens.member(receiving)).post("/give-ups/{id}/accept", giveUpId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        assertThat(Api.position(from, instrument)).containsExactly(0L, 0L);
        assertThat(Api.position(to, instrument)).containsExactly(8L, 0L);
        assertThat(Api.position(seller, instrument)).containsExactly(0L, 8L);
        Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then()
                .body("[0].netSum", equalTo(0));
        Api.as(TestTokens.member(receiving)).post("/give-ups/{id}/accept", giveUpId).then().statusCode(409);
        Api.as(TestTokens.member(receiving)).queryParam("accountId", to).get("/trades").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].side", equalTo("BUY"));

        java.util.Set<String> seen = new java.util.HashSet<>();
        List<GiveUpAccepted> events = TopicProbe.readUntil(Topics.CLEARING_TRADES,
                        r -> r.value().contains("GiveUpAccepted") && r.value().contains(trade.exchangeTradeId())
                                && seen.add(r.key()) && seen.size() == 2, Duration.ofSeconds(30))
                .stream()
                .filter(r -> r.value().contains("GiveUpAccepted") && r.value().contains(trade.exchangeTradeId()))
                .map(r -> {
                    GiveUpAccepted e = EventCodec.payload(EventCodec.decode(r.value()),
                            ClearingEvents.GIVE_UP_ACCEPTED);
                    assertThat(e.accountId()).isEqualTo(r.key());
                    return e;
                }).toList();
        assertThat(events).extracting(GiveUpAccepted::accountId).containsExactlyInAnyOrder(from, to);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.quantity()).isEqualTo(8);
            assertThat(e.toMemberId()).isEqualTo(receiving);
        });

        // A bust now reverses the leg where it is: in the receiving account.
        Api.bust(tradeId, "after give-up").then().statusCode(200);
        assertThat(Api.position(to, instrument)).containsExactly(0L, 0L);
        assertThat(Api.position(seller, instrument)).containsExactly(0L, 0L);
    }

    @Test
    void aRejectedGiveUpMovesNothing() {
        String executing = Accounts.member("GJE");
        String receiving = Accounts.member("GJR");
        String from = Accounts.open(executing, "HOUSE");
        String to = Accounts.open(receiving, "HOUSE");
        String seller = Accounts.open(receiving, "CLIENT_SEGREGATED");
        Accounts.awaitTradable(from, to, seller);
        String instrument = Api.listed("GB200").get(1);
        long tradeId = Api.cleared(TestTrade.of(instrument, 3, "5.3", seller, from));
        long giveUpId = ((Number) giveUp(TestTokens.backOffice(), tradeId, "SELL", to).then().statusCode(201)
                .extract().path("giveUpId")).longValue();
        Api.as(TestTokens.member(receiving)).post("/give-ups/{id}/reject", giveUpId).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        assertThat(Api.position(from, instrument)).containsExactly(0L, 3L);
        assertThat(Api.position(to, instrument)).containsExactly(0L, 0L);
        Api.as(TestTokens.member(receiving)).post("/give-ups/{id}/accept", giveUpId).then().statusCode(409);
    }

    @Test
    void giveUpsAreRefusedToTheSameMemberToInactiveAccountsAndForBustedTrades() {
        String executing = Accounts.member("GKE");
        String receiving = Accounts.member("GKR");
        String from = Accounts.open(executing, "HOUSE");
        String sibling = Accounts.open(executing, "CLIENT_OMNIBUS");
        String to = Accounts.open(receiving, "HOUSE");
        String suspended = Accounts.open(receiving, "CLIENT_SEGREGATED");
        Accounts.awaitTradable(from, sibling, to, suspended);
        Accounts.suspend(receiving, suspended);
        String instrument = Api.listed("GH100").get(1);
        long tradeId = Api.cleared(TestTrade.of(instrument, 2, "2.6", from, to));

        giveUp(TestTokens.backOffice(), tradeId, "BUY", sibling).then().statusCode(422)
                .body("type", equalTo("/problems/give-up-same-member"));
        giveUp(TestTokens.backOffice(), tradeId, "BUY", suspended).then().statusCode(422)
                .body("type", equalTo("/problems/give-up-refused"));
        giveUp(TestTokens.backOffice(), tradeId, "BUY", "NO-SUCH-ACCOUNT").then().statusCode(422);

        long pending = ((Number) giveUp(TestTokens.backOffice(), tradeId, "SELL", sibling).then().statusCode(201)
                .extract().path("giveUpId")).longValue();
        Api.bust(tradeId, "cancelled").then().statusCode(200);
        giveUp(TestTokens.backOffice(), tradeId, "BUY", to).then().statusCode(409)
                .body("type", equalTo("/problems/trade-busted"));
        Api.backOffice().post("/give-ups/{id}/accept", pending).then().statusCode(409)
                .body("type", equalTo("/problems/trade-busted"));
        assertThat(Api.position(sibling, instrument)).containsExactly(0L, 0L);
    }

    private static Response giveUp(String token, long tradeId, String side, String toAccount) {
        return Api.as(token).body("{\"side\":\"%s\",\"toAccountId\":\"%s\"}".formatted(side, toAccount))
                .post("/trades/{id}/give-ups", tradeId);
    }
}
