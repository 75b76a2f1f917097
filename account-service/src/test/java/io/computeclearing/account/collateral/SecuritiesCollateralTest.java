package io.computeclearing.account.collateral;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecuritiesCollateralTest {

    @Inject
    DatabaseProbe db;

    @Test
    void pricesAreVersionedAndTheLatestAsOfCounts() {
        String bond = Api.unique("US912828YK");

        Api.backOffice().body("""
                        {"description":"UST 1.5% 2030","assetType":"GOVERNMENT_BOND","currency":"USD","price":98.50}""")
                .put("/collateral/securities/{id}", bond)
                .then().statusCode(201)
                .body("price", equalTo(new BigDecimal("98.50")))
                .body("haircut", equalTo(new BigDecimal("0.04")));
        Api.backOffice().body("""
                        {"description":"UST 1.5% 2030","assetType":"GOVERNMENT_BOND","currency":"USD","price":99.00}""")
                .put("/collateral/securities/{id}", bond)
                .then().statusCode(200).body("price", equalTo(new BigDecimal("99.00")));
        // a correction for yesterday arrives late: kept in the history, but today's price still counts
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        Api.backOffice().body("""
                        {"description":"UST 1.5%% 2030","assetType":"GOVERNMENT_BOND","currency":"USD","price":97.25,
                         "asOf":"%s"}""".formatted(yesterday))
                .put("/collateral/securities/{id}", bond)
                .then().statusCode(200).body("price", equalTo(new BigDecimal("99.00")));

        Api.as(TestTokens.member("ANY")).get("/collateral/securities/{id}/prices", bond)
                .then().statusCode(200)
                .body("price", contains(new BigDecimal("99.00"), new BigDecimal("98.50"), new BigDecimal("97.25")));
    }

    @Test
    void aSecuritysTypeAndCurrencyCannotChange() {
        String bond = Api.unique("XS000000");
        Api.defineSecurity(bond, "CORPORATE_BOND", "USD", "101.00");

        Api.backOffice().body("""
                        {"description":"relabelled","assetType":"GOVERNMENT_BOND","currency":"USD","price":101.00}""")
                .put("/collateral/securities/{id}", bond)
                .then().statusCode(409).body("type", equalTo("/problems/security-terms-fixed"));
        Api.backOffice().body("""
                        {"description":"relabelled","assetType":"CORPORATE_BOND","currency":"CNY","price":101.00}""")
                .put("/collateral/securities/{id}", bond)
                .then().statusCode(409);
    }

    @Test
    void aSecurityIdMayNotLookLikeACurrency() {
        Api.backOffice().body("""
                        {"description":"cash?","assetType":"TREASURY_BILL","currency":"USD","price":100}""")
                .put("/collateral/securities/USD")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
    }

    @Test
    void governmentBondCountsAtMarketValueLessItsHaircut() {
        String account = Api.newAccount("ALPHA", "USD");
        String bond = Api.unique("US912797KX");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "98.50");

        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "1000000").then().statusCode(201)
                .body("postings.book", contains("MEMBER_COLLATERAL", "CCP_SECURITIES_CUSTODY"))
                .body("postings.quantity", contains(new BigDecimal("1000000.00"), new BigDecimal("-1000000.00")));

        // 1,000,000 nominal x 98.50 / 100 = 985,000.00 market value; less the 4% haircut = 945,600.00
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings[0].asset", equalTo(bond))
                .body("holdings[0].assetType", equalTo("GOVERNMENT_BOND"))
                .body("holdings[0].quantity", equalTo(new BigDecimal("1000000.00")))
                .body("holdings[0].price", equalTo(new BigDecimal("98.50")))
                .body("holdings[0].marketValue", equalTo(new BigDecimal("985000.00")))
                .body("holdings[0].haircut", equalTo(new BigDecimal("0.04")))
                .body("holdings[0].collateralValue", equalTo(new BigDecimal("945600.00")))
                .body("collateralValue", equalTo(new BigDecimal("945600.00")))
                .body("excess", equalTo(new BigDecimal("945600.00")));
    }

    @Test
    void goldAndTreasuryBillsTakeTheirOwnHaircuts() {
        String account = Api.newAccount("BRAVO", "USD");
        String gold = Api.unique("XAU-LBMA");
        String bill = Api.unique("US912797LB");
        Api.defineSecurity(gold, "GOLD", "USD", "265000.00");
        Api.defineSecurity(bill, "TREASURY_BILL", "USD", "99.10");
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), gold, "10").then().statusCode(201);
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bill, "200000").then().statusCode(201);

        // gold: 10 oz x 265,000.00 per 100 oz / 100 = 26,500.00; x (1 - 0.15) = 22,525.00
        // T-bill: 200,000 x 99.10 / 100 = 198,200.00; x (1 - 0.005) = 197,209.00
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings.find { it.asset == '%s' }.collateralValue".formatted(gold),
                        equalTo(new BigDecimal("22525.00")))
                .body("holdings.find { it.asset == '%s' }.collateralValue".formatted(bill),
                        equalTo(new BigDecimal("197209.00")))
                .body("collateralValue", equalTo(new BigDecimal("219734.00")));
    }

    @Test
    void securitiesMovementsAreIdempotentToo() {
        String account = Api.newAccount("CHARLIE", "USD");
        String bond = Api.unique("US912828ZZ");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "100.00");
        String key = Api.idempotencyKey();

        String entry = Api.moveSecurity(account, "deposits", key, bond, "5000").then().statusCode(201)
                .extract().path("id");
        Api.moveSecurity(account, "deposits", key, bond, "5000.00").then().statusCode(200).body("id", equalTo(entry));
        Api.moveSecurity(account, "deposits", key, bond, "6000").then().statusCode(409)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        Api.moveSecurity(account, "withdrawals", Api.idempotencyKey(), bond, "2000").then().statusCode(201);

        Api.backOffice().get("/accounts/{id}/balances", account).then()
                .body("holdings[0].quantity", equalTo(new BigDecimal("3000.00")));
    }

    @Test
    void refusedSecuritiesMovementsWriteNothing() {
        String account = Api.newAccount("DELTA", "USD");
        String bond = Api.unique("US912828QQ");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "100.00");

        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), "XS9999999999", "1000").then().statusCode(422)
                .body("type", equalTo("/problems/unknown-security"));
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "0").then().statusCode(400);
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "1000.001").then().statusCode(400)
                .body("violations[0].field", equalTo("nominal"));
        Api.moveSecurity(account, "withdrawals", Api.idempotencyKey(), bond, "1").then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-holding"));

        assertThat(db.count("select count(*) from journal_entry where account_id = ?", account)).isZero();
    }
}
