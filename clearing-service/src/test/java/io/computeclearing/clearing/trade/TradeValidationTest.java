package io.computeclearing.clearing.trade;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Every rule a trade must meet, each reported under its field; a rejected trade writes nothing. */
@QuarkusTest
class TradeValidationTest {

    @Inject
    DatabaseProbe database;

    private String buyer;
    private String seller;
    private String instrument;

    @BeforeEach
    void accounts() {
        buyer = Accounts.open(Accounts.member("VBUY"), "HOUSE");
        seller = Accounts.open(Accounts.member("VSELL"), "CLIENT_SEGREGATED");
        Accounts.awaitTradable(buyer, seller);
        instrument = Api.listed("GH100").get(1);
    }

    @Test
    void anInstrumentThatIsNotListedIsRejected() {
        rejected(TestTrade.of("GH100-209912", 1, "2.6", buyer, seller), "instrumentId",
                "instrument 'GH100-209912' is not listed");
    }

    @Test
    void anInstrumentPastItsLastTradingDayIsRejected() {
        String front = Api.listed("TKFRN").getFirst();
        LocalDate lastTradingDay = LocalDate.parse(Api.backOffice().get("/catalogue/instruments/{id}", front)
                .then().statusCode(200).extract().path("lastTradingDay"));
        LocalDate dayAfter = lastTradingDay.plusDays(1);
        Api.openDay(dayAfter);

        rejected(TestTrade.of(front, 1, "12.34", buyer, seller).on(dayAfter), "instrumentId",
                "instrument '" + front + "' expired after its last trading day " + lastTradingDay);
        // on its last trading day it still trades
        Api.openDay(lastTradingDay);
        Api.submit(TestTrade.of(front, 1, "12.34", buyer, seller).on(lastTradingDay)).then().statusCode(201);
    }

    @Test
    void aPriceOffTheTickGridIsRejected() {
        rejected(TestTrade.of(instrument, 1, "2.6025", buyer, seller), "price",
                "price 2.6025 is not on the tick grid of GH100 (tick 0.005)");
        rejected(TestTrade.of(Api.listed("TKFRC").get(1), 1, "7.13", buyer, seller), "price",
                "price 7.13 is not on the tick grid of TKFRC (tick 0.05)");
    }

    @Test
    void zeroAndNegativePricesOnTheGridAreCleared() {
        Api.submit(TestTrade.of(instrument, 1, "0", buyer, seller)).then().statusCode(201)
                .body("price", equalTo(new java.math.BigDecimal("0.000")));
        Api.submit(TestTrade.of(instrument, 1, "-0.015", buyer, seller)).then().statusCode(201)
                .body("price", equalTo(new java.math.BigDecimal("-0.015")));
    }

    @Test
    void quantityMustBeAPositiveWholeNumberOfContracts() {
        rejected(TestTrade.of(instrument, 0, "2.6", buyer, seller), "quantity", "must be a positive number of contracts");
        rejected(TestTrade.of(instrument, -5, "2.6", buyer, seller), "quantity", "must be a positive number of contracts");
        Api.backOffice().body(TestTrade.of(instrument, 1, "2.6", buyer, seller).json().replace("\"quantity\":1,",
                        "\"quantity\":2.5,"))
                .post("/trades").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("violations[0].field", equalTo("quantity"));
    }

    @Test
    void bothAccountsMustBeKnownAndAcceptBusiness() {
        rejected(TestTrade.of(instrument, 1, "2.6", "NO-SUCH-ACCOUNT", seller), "buyerAccountId",
                "account 'NO-SUCH-ACCOUNT' is not known");

        String member = Accounts.member("VSUSP");
        String suspended = Accounts.open(member, "HOUSE");
        Accounts.awaitTradable(suspended);
        Accounts.suspend(member, suspended);
        rejected(TestTrade.of(instrument, 1, "2.6", buyer, suspended), "sellerAccountId",
                "account '" + suspended + "' does not accept business (account SUSPENDED)");
    }

    @Test
    void buyerAndSellerMustDiffer() {
        rejected(TestTrade.of(instrument, 1, "2.6", buyer, buyer), "sellerAccountId",
                "must differ from buyerAccountId: a trade needs two accounts");
    }

    @Test
    void theBusinessDateMustBeOpen() {
        LocalDate neverOpened = LocalDate.of(2026, 3, 2);
        rejected(TestTrade.of(instrument, 1, "2.6", buyer, seller).on(neverOpened), "businessDate",
                "business day 2026-03-02 is not open");

        LocalDate closed = LocalDate.of(2026, 3, 3);
        Api.openDay(closed);
        Api.backOffice().post("/business-days/{date}/close", closed.toString()).then().statusCode(200);
        rejected(TestTrade.of(instrument, 1, "2.6", buyer, seller).on(closed), "businessDate",
                "business day 2026-03-03 is not open");
    }

    @Test
    void everyMissingFieldIsNamed() {
        Api.backOffice().body("{}").post("/trades").then().statusCode(422)
                .body("type", equalTo("/problems/trade-rejected"))
                .body("violations.field", containsInAnyOrder("exchangeTradeId", "instrumentId", "quantity", "price",
                        "buyerAccountId", "sellerAccountId", "tradeTime", "businessDate"))
                .body("violations.message", org.hamcrest.Matchers.everyItem(equalTo("is required")));
    }

    @Test
    void allFailedRulesAreReportedAtOnceAndNothingIsWritten() {
        TestTrade bad = TestTrade.of("GH100-209912", -1, "2.6025", buyer, buyer).on(LocalDate.of(2026, 3, 2));

        Api.submit(bad).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("instrumentId", "quantity", "sellerAccountId",
                        "businessDate"));
        // the price cannot be checked against the grid of an instrument that does not exist
        Api.submit(bad.withPrice("2.6").withQuantity(1)).then().statusCode(422).body("violations", hasSize(3));

        assertThat(database.count("select count(*) from trade where exchange_trade_id = ?", bad.exchangeTradeId()))
                .isZero();
        assertThat(database.count("select count(*) from trade_leg where account_id = ?", buyer)).isZero();
        assertThat(database.count("select count(*) from position where account_id = ?", buyer)).isZero();
    }

    @Test
    void unknownFieldsAreAnError() {
        String json = TestTrade.of(instrument, 1, "2.6", buyer, seller).json().replace("{", "{\"venue\":\"X\",");
        Api.backOffice().body(json).post("/trades").then().statusCode(400)
                .body("type", equalTo("/problems/malformed-request"));
    }

    private static ValidatableResponse rejected(TestTrade trade, String field, String message) {
        return Api.submit(trade).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/trade-rejected"))
                .body("violations", hasItem(java.util.Map.of("field", field, "message", message)));
    }
}
