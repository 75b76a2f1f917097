package io.computeclearing.clearing;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A member declared in default (MemberStatusChanged DEFAULTED from account-service) takes no new business: no trade
 * clears into its accounts and no give-up goes to them, and its own positions are frozen for default management, so
 * none of its legs is given up either. Other members clear as before.
 */
@QuarkusTest
class DefaultedMemberTest {

    @Inject
    DatabaseProbe database;

    @Test
    void noTradeOrGiveUpReachesADefaultedMemberWhileOthersStillClear() {
        String defaulting = Accounts.member("DFD");
        String alpha = Accounts.member("DFA");
        String bravo = Accounts.member("DFB");
        String charlie = Accounts.member("DFC");
        String defaulted = Accounts.open(defaulting, "HOUSE");
        String alphaHouse = Accounts.open(alpha, "HOUSE");
        String bravoHouse = Accounts.open(bravo, "HOUSE");
        String charlieClient = Accounts.open(charlie, "CLIENT_OMNIBUS");
        Accounts.awaitTradable(defaulted, alphaHouse, bravoHouse, charlieClient);
        String instrument = Api.listed("GH100").get(1);

        // Before the default: the defaulting member buys 5 from alpha, alpha buys 3 from bravo, and a give-up of
        // each buy leg is pending: one out of the defaulting member's account, one into it.
        long bought = Api.cleared(TestTrade.of(instrument, 5, "2.605", defaulted, alphaHouse));
        long alphaBought = Api.cleared(TestTrade.of(instrument, 3, "2.610", alphaHouse, bravoHouse));
        long outOfDefaulted = giveUpId(giveUp(bought, "BUY", charlieClient).then().statusCode(201));
        long intoDefaulted = giveUpId(giveUp(alphaBought, "BUY", defaulted).then().statusCode(201));

        Accounts.defaulted(defaulting, defaulted, "default 41: MISSED_MARGIN_CALL");

        // A new trade for its account is rejected, naming why; nothing is written.
        TestTrade refused = TestTrade.of(instrument, 2, "2.615", alphaHouse, defaulted);
        Api.submit(refused).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/trade-rejected"))
                .body("violations", hasItem(Map.of("field", "sellerAccountId", "message",
                        "account '" + defaulted + "' does not accept business (member " + defaulting
                                + " DEFAULTED)")));
        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?",
                refused.exchangeTradeId())).isZero();

        // Other members still clear: alpha buys 4 more from bravo.
        long alphaBoughtAgain = Api.cleared(TestTrade.of(instrument, 4, "2.620", alphaHouse, bravoHouse));

        // No give-up into the defaulted account, whether asked for now or accepted now.
        giveUp(alphaBoughtAgain, "BUY", defaulted).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/give-up-refused"))
                .body("detail", equalTo("account '" + defaulted + "' does not accept business (member "
                        + defaulting + " DEFAULTED)"));
        Api.backOffice().post("/give-ups/{id}/accept", intoDefaulted).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/give-up-refused"));

        // None out of it either: its positions stay for default management.
        String frozen = "account '" + defaulted + "' cannot give up: member " + defaulting
                + " DEFAULTED, its positions are frozen for default management";
        Api.as(TestTokens.member(charlie)).post("/give-ups/{id}/accept", outOfDefaulted).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/give-up-refused"))
                .body("detail", equalTo(frozen));
        giveUp(bought, "BUY", bravoHouse).then().statusCode(422)
                .body("type", equalTo("/problems/give-up-refused"))
                .body("detail", equalTo(frozen));

        // Every give-up still pending, every position as it was: defaulted long 5; alpha short 5, long 3 + 4 = 7,
        // netting (house) to long 2; bravo short 7; charlie nothing.
        assertThat(database.count("select count(*) from give_up where id in (?, ?) and status = 'PENDING'",
                outOfDefaulted, intoDefaulted)).isEqualTo(2);
        assertThat(Api.position(defaulted, instrument)).isEqualTo(List.of(5L, 0L));
        assertThat(Api.position(alphaHouse, instrument)).isEqualTo(List.of(2L, 0L));
        assertThat(Api.position(bravoHouse, instrument)).isEqualTo(List.of(0L, 7L));
        assertThat(Api.position(charlieClient, instrument)).isEqualTo(List.of(0L, 0L));
    }

    private static Response giveUp(long tradeId, String side, String toAccount) {
        return Api.backOffice().body("{\"side\":\"%s\",\"toAccountId\":\"%s\"}".formatted(side, toAccount))
                .post("/trades/{id}/give-ups", tradeId);
    }

    private static long giveUpId(ValidatableResponse created) {
        return ((Number) created.extract().path("giveUpId")).longValue();
    }
}
