package io.computeclearing.clearing.position;

import io.computeclearing.clearing.Accounts;
import io.computeclearing.clearing.Api;
import io.computeclearing.clearing.TestTrade;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** House and segregated accounts net; omnibus accounts keep gross long and short; the CCP stays flat. */
@QuarkusTest
class PositionKeepingTest {

    @Test
    void houseAccountsNetAndOmnibusAccountsKeepGrossLongAndShort() {
        String house = Accounts.open(Accounts.member("PH"), "HOUSE");
        String omnibus = Accounts.open(Accounts.member("PO"), "CLIENT_OMNIBUS");
        String segregated = Accounts.open(Accounts.member("PS"), "CLIENT_SEGREGATED");
        Accounts.awaitTradable(house, omnibus, segregated);
        String instrument = Api.newFamily().get(1);
        LocalDate yesterday = Api.today().minusDays(1);
        Api.openDay(yesterday);

        // yesterday: house buys 10 from omnibus, then omnibus buys 4 back
        Api.clear(TestTrade.of(instrument, 10, "2.60", house, omnibus).on(yesterday));
        Api.clear(TestTrade.of(instrument, 4, "2.65", omnibus, house).on(yesterday));
        // today, in one batch: segregated buys 3 from house, house buys 1 from segregated, omnibus buys 5 from it
        Api.submitBatch(List.of(TestTrade.of(instrument, 3, "2.70", segregated, house),
                TestTrade.of(instrument, 1, "2.71", house, segregated),
                TestTrade.of(instrument, 5, "2.72", omnibus, segregated))).then().statusCode(200)
                .body("accepted", equalTo(3));

        // house: +10 -4 -3 +1 = long 4; omnibus: bought 4 + 5 = 9, sold 10, gross; segregated: +3 -1 -5 = short 3
        position(house, instrument, 4, 0, 4, 3);
        position(omnibus, instrument, 9, 10, -1, 3);
        position(segregated, instrument, 0, 3, -3, 1);
        // long 4 + 9 + 0 = 13 = short 0 + 10 + 3; the nets sum to zero
        Api.backOffice().queryParam("instrumentId", instrument).get("/open-interest").then().statusCode(200)
                .body("$", equalTo(List.of(Map.of("instrumentId", instrument, "totalLong", 13, "totalShort", 13,
                        "netSum", 0, "accounts", 3))));

        // as at the end of yesterday: house long 6, omnibus long 4 and short 10
        Api.backOffice().queryParam("instrumentId", instrument).queryParam("businessDate", yesterday.toString())
                .get("/positions").then().statusCode(200)
                .body("accountId", equalTo(List.of(house, omnibus).stream().sorted().toList()))
                .body("find { it.accountId == '%s' }.longQuantity".formatted(house), equalTo(6))
                .body("find { it.accountId == '%s' }.longQuantity".formatted(omnibus), equalTo(4))
                .body("find { it.accountId == '%s' }.shortQuantity".formatted(omnibus), equalTo(10));
    }

    @Test
    void aHouseAccountThatSellsMoreThanItHoldsTurnsShort() {
        String house = Accounts.open(Accounts.member("PT"), "HOUSE");
        String other = Accounts.open(Accounts.member("PU"), "HOUSE");
        Accounts.awaitTradable(house, other);
        String instrument = Api.newFamily().get(2);

        Api.clear(TestTrade.of(instrument, 5, "1.00", house, other));
        Api.clear(TestTrade.of(instrument, 8, "1.01", other, house));

        position(house, instrument, 0, 3, -3, 2);
        position(other, instrument, 3, 0, 3, 2);
    }

    @Test
    void everyInstrumentsNetSumIsZero() {
        Api.backOffice().get("/open-interest").then().statusCode(200)
                .body("findAll { it.netSum != 0 }", equalTo(List.of()))
                .body("findAll { it.totalLong != it.totalShort }", equalTo(List.of()));
    }

    private static void position(String account, String instrument, int longQuantity, int shortQuantity,
                                 int net, int version) {
        Api.backOffice().queryParam("accountId", account).queryParam("instrumentId", instrument).get("/positions")
                .then().statusCode(200)
                .body("longQuantity", equalTo(List.of(longQuantity)))
                .body("shortQuantity", equalTo(List.of(shortQuantity)))
                .body("netQuantity", equalTo(List.of(net)))
                .body("version", equalTo(List.of(version)));
    }
}
