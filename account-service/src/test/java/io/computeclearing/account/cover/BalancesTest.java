package io.computeclearing.account.cover;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class BalancesTest {

    @Test
    void cnyCashInAUsdAccountCountsAfterTheFxHaircutAndConversion() {
        String account = Api.newAccount("ALPHA", "USD");
        Api.setFxRate("USD", "CNY", "7.10");
        Api.deposit(account, "CNY", "100000.00");
        Api.deposit(account, "USD", "1000.00");

        // CNY 100,000.00 less the 8% FX haircut = CNY 92,000.00; at 7.10 CNY per USD that is
        // 92,000 / 7.10 = 12,957.746478... USD, rounded HALF_EVEN to the cent: 12,957.75. Plus USD 1,000.00.
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("baseCurrency", equalTo("USD"))
                .body("holdings[0].asset", equalTo("CNY"))
                .body("holdings[0].assetType", equalTo("CASH"))
                .body("holdings[0].marketValue", equalTo(new BigDecimal("100000.00")))
                .body("holdings[0].fxHaircut", equalTo(new BigDecimal("0.08")))
                .body("holdings[0].collateralValue", equalTo(new BigDecimal("92000.00")))
                .body("holdings[0].fxPair", equalTo("USD/CNY"))
                .body("holdings[0].fxRate", equalTo(new BigDecimal("7.10")))
                .body("holdings[0].collateralValueInBaseCurrency", equalTo(new BigDecimal("12957.75")))
                .body("holdings[1].collateralValueInBaseCurrency", equalTo(new BigDecimal("1000.00")))
                .body("collateralValue", equalTo(new BigDecimal("13957.75")))
                .body("excess", equalTo(new BigDecimal("13957.75")));
    }

    @Test
    void fxRatesKeepHistoryAndTheLatestAsOfCounts() {
        Api.setFxRate("EUR", "CNY", "7.80");
        String earlier = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        Api.backOffice().body("{\"rate\":9.99,\"asOf\":\"" + earlier + "\"}")
                .put("/collateral/fx-rates/EUR/CNY").then().statusCode(200);

        Api.as(TestTokens.risk()).get("/collateral/fx-rates").then().statusCode(200)
                .body("find { it.baseCurrency == 'EUR' && it.quoteCurrency == 'CNY' }.rate",
                        equalTo(new BigDecimal("7.80")));
        Api.as(TestTokens.member("ANY")).get("/collateral/fx-rates/EUR/CNY").then().statusCode(200)
                .body("rate", contains(new BigDecimal("7.80"), new BigDecimal("9.99")));
    }

    @Test
    void anFxRateNeedsTwoAcceptedCurrenciesAndAPositiveRate() {
        Api.backOffice().body("{\"rate\":1.27}").put("/collateral/fx-rates/GBP/USD").then().statusCode(400)
                .body("violations[0].field", equalTo("base"));
        Api.backOffice().body("{\"rate\":1}").put("/collateral/fx-rates/USD/USD").then().statusCode(400);
        Api.backOffice().body("{\"rate\":0}").put("/collateral/fx-rates/USD/CNY").then().statusCode(400)
                .body("violations[0].field", equalTo("rate"));
    }

    @Test
    void valuationWithoutANeededFxRateSaysSoInsteadOfGuessing() {
        // no test ever quotes EUR against USD
        String account = Api.newAccount("BRAVO", "EUR");
        Api.deposit(account, "USD", "1000.00");

        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/valuation-unavailable"))
                .body("detail", containsString("no FX rate between EUR and USD"));
    }

    @Test
    void anEmptyAccountHasNothingAndOwesNothing() {
        String account = Api.newAccount("CHARLIE", "CNY");

        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings", empty())
                .body("collateralValue", equalTo(new BigDecimal("0.00")))
                .body("marginRequirement", equalTo(new BigDecimal("0.00")))
                .body("excess", equalTo(new BigDecimal("0.00")))
                .body("requirementCalculatedAt", equalTo(null));
        Api.backOffice().get("/accounts/{id}/margin-requirement", account).then().statusCode(200)
                .body("requirements", empty());
        Api.backOffice().get("/collateral/securities").then().statusCode(200)
                .body("assetType", not(hasItem("CASH")));
    }
}
