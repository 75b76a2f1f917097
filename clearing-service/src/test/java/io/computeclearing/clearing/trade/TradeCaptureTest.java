package io.computeclearing.clearing.trade;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A single trade over JSON: cleared into two legs, acknowledged again on resubmission, refused on a reused id. */
@QuarkusTest
class TradeCaptureTest {

    @Inject
    DatabaseProbe database;

    private String buyer;
    private String seller;
    private String instrument;

    @BeforeEach
    void accounts() {
        buyer = Accounts.open(Accounts.member("BUY"), "HOUSE");
        seller = Accounts.open(Accounts.member("SELL"), "HOUSE");
        Accounts.awaitTradable(buyer, seller);
        instrument = Api.listed("GH100").get(2);
    }

    @Test
    void aTradeIsNovatedIntoABuyLegAndASellLeg() {
        TestTrade trade = TestTrade.of(instrument, 7, "2.6", buyer, seller);

        Integer tradeId = Api.submit(trade).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/trades/"))
                .body("exchangeTradeId", equalTo(trade.exchangeTradeId()))
                .body("price", equalTo(new BigDecimal("2.600")))
                .body("quantity", equalTo(7))
                .body("status", equalTo("CLEARED"))
                .body("legs.side", equalTo(List.of("BUY", "SELL")))
                .body("legs.accountId", equalTo(List.of(buyer, seller)))
                .body("legs.quantity", equalTo(List.of(7, -7)))
                .extract().path("tradeId");

        Api.backOffice().get("/trades/{id}", tradeId).then().statusCode(200)
                .body("tradeTime", equalTo("2026-11-24T14:30:00.123456Z"))
                .body("businessDate", equalTo(trade.businessDate().toString()));
        Api.backOffice().queryParam("accountId", buyer).get("/positions").then().statusCode(200)
                .body("netQuantity", equalTo(List.of(7)));
        Api.backOffice().queryParam("accountId", seller).get("/positions").then().statusCode(200)
                .body("shortQuantity", equalTo(List.of(7)));
    }

    @Test
    void theSameTradeSubmittedAgainIsAcknowledgedWithoutASecondEffect() {
        TestTrade trade = TestTrade.of(instrument, 3, "2.605", buyer, seller);
        Object tradeId = Api.submit(trade).then().statusCode(201).extract().path("tradeId");

        // same content, price written with a different scale: the same trade
        Api.submit(trade.withPrice("2.60500")).then().statusCode(200)
                .body("tradeId", equalTo(tradeId))
                .body("legs.size()", equalTo(2));

        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?", trade.exchangeTradeId()))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from trade_leg where account_id = ?", buyer)).isEqualTo(1);
        Api.backOffice().queryParam("accountId", buyer).get("/positions").then()
                .body("longQuantity", equalTo(List.of(3)))
                .body("version", equalTo(List.of(1)));
    }

    @Test
    void aReusedExchangeTradeIdWithDifferentContentIsAConflict() {
        TestTrade trade = TestTrade.of(instrument, 3, "2.605", buyer, seller);
        Api.submit(trade).then().statusCode(201);

        Api.submit(trade.withQuantity(4).withPrice("2.61")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/trade-id-conflict"))
                .body("violations[0].field", equalTo("exchangeTradeId"))
                .body("violations[0].message", startsWith("exchange trade id '" + trade.exchangeTradeId()
                        + "' was already cleared as trade "))
                .body("detail", org.hamcrest.Matchers.endsWith("with a different quantity, price"));

        Api.backOffice().queryParam("accountId", buyer).get("/positions").then()
                .body("longQuantity", equalTo(List.of(3)));
    }
}
