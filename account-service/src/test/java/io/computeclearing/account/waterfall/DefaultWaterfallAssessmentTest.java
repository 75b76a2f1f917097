package io.computeclearing.account.waterfall;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.computeclearing.account.waterfall.WaterfallFixture.amount;
import static io.computeclearing.account.waterfall.WaterfallFixture.apply;
import static io.computeclearing.account.waterfall.WaterfallFixture.assertFundHolds;
import static io.computeclearing.account.waterfall.WaterfallFixture.assertHeldAndCalled;
import static io.computeclearing.account.waterfall.WaterfallFixture.assertLayers;
import static io.computeclearing.account.waterfall.WaterfallFixture.bookSumsTo;
import static io.computeclearing.account.waterfall.WaterfallFixture.contributes;
import static io.computeclearing.account.waterfall.WaterfallFixture.memberPosted;
import static io.computeclearing.account.waterfall.WaterfallFixture.owes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two defaults in turn: the first draws part of the CCP's tranche, the second finds only the rest, uses up the
 * survivors' contributions, assesses them up to half a contribution each and leaves the remainder uncovered. In a
 * database of its own (tranche 100.00, assessment multiple 0.5), so that the survivors are this class's.
 */
@QuarkusTest
@TestProfile(DefaultWaterfallAssessmentTest.SmallTrancheHalfAssessments.class)
class DefaultWaterfallAssessmentTest {

    @Inject
    DatabaseProbe db;

    @Test
    void aSecondDefaultFindsTheTrancheDrawnAssessesTheSurvivorsAndLeavesTheRestUncovered() {
        String survivorA = Api.registerMember("WFAA");
        String survivorB = Api.registerMember("WFAB");
        String survivorC = Api.registerMember("WFAC");
        contributes(db, survivorA, 1L, "500.00");
        contributes(db, survivorB, 1L, "250.00");
        // C contributed before any sizing required it: its assessment is called without a sizing
        contributes(db, survivorC, null, "33.33");

        // The first default: 60.00 owed, nothing of its own; the tranche bears it and keeps 40.00.
        String first = Api.registerMember("WFE");
        String firstHouse = Api.openAccount(first, "USD");
        owes(db, firstHouse, first, "USD", "60.00");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 71, first, "MISSED_MARGIN_CALL", null);
        JsonPath drawn = apply(first).then().statusCode(201).extract().jsonPath();
        assertThat(amount(drawn, "ccpTranche")).isEqualTo(new BigDecimal("60.00"));
        assertThat(amount(drawn, "uncovered")).isEqualTo(new BigDecimal("0.00"));
        assertThat(drawn.getList("survivors")).isEmpty();
        assertThat(drawn.getList("entryIds")).hasSize(2);

        String defaulter = Api.registerMember("WFD2");
        String house = Api.openAccount(defaulter, "USD");
        String owing = Api.openAccount(defaulter, "USD");
        String client = Api.openAccount(defaulter, "CLIENT_SEGREGATED", "USD");
        Api.deposit(house, "USD", "100.00");
        owes(db, owing, defaulter, "USD", "2000.00");
        owes(db, client, defaulter, "USD", "150.00");
        contributes(db, defaulter, 1L, "50.00");
        Feeds.requirement(owing, "USD", "0.00");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 72, defaulter, "MISSED_MARGIN_CALL", null);

        JsonPath applied = apply(defaulter).then().statusCode(201).extract().jsonPath();

        // Loss 2,000.00 + 150.00 = 2,150.00. Layer 1: 100.00, layer 2: 50.00, layer 3: what the first default left,
        // 100.00 - 60.00 = 40.00; 1,960.00 left. Layer 4: all of 500.00 + 250.00 + 33.33 = 783.33; 1,176.67 left.
        // Layer 5: caps 0.5 x the contributions, 250.00, 125.00 and 16.665 rounded down to 16.66, 391.66 in all, all
        // assessed; 785.01 uncovered. Covered 2,150.00 - 785.01 = 1,364.99 goes to the accounts in id order: the
        // client account (-C) its 150.00, then the house account that owes 1,214.99 of its 2,000.00.
        assertLayers(applied, "2150.00", "100.00", "50.00", "40.00", "783.33", "391.66", "785.01");
        assertThat(applied.getList("survivors.memberId", String.class))
                .containsExactly(survivorA, survivorB, survivorC);
        assertThat(applied.getList("survivors.fromContribution", BigDecimal.class)).containsExactly(
                new BigDecimal("500.00"), new BigDecimal("250.00"), new BigDecimal("33.33"));
        assertThat(applied.getList("survivors.assessed", BigDecimal.class)).containsExactly(
                new BigDecimal("250.00"), new BigDecimal("125.00"), new BigDecimal("16.66"));
        assertThat(applied.getList("otherCurrencies")).isEmpty();
        // house, defaulter's contribution, tranche, 3 survivors x (contribution, assessment), client and owing
        assertThat(applied.getList("entryIds")).hasSize(11);

        Api.backOffice().get("/accounts/{id}/balances", house).then().body("holdings", empty());
        Api.backOffice().get("/accounts/{id}/balances", client).then().body("holdings", empty());
        Api.backOffice().get("/accounts/{id}/balances", owing).then()
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("-785.01")));
        assertThat(bookSumsTo(db, "CCP_DEFAULT_LOSS", "0")).isTrue();
        assertThat(bookSumsTo(db, "CCP_OWN_FUNDS", "-100.00")).isTrue();
        String key = "default-waterfall:72:SURVIVOR_ASSESSMENTS";
        assertThat(memberPosted(db, survivorA, "DEFAULT_ASSESSMENT", key, "DEFAULT_FUND", "-250.00")).isTrue();
        assertThat(memberPosted(db, survivorA, "DEFAULT_ASSESSMENT", key, "CCP_DEFAULT_LOSS", "250.00")).isTrue();
        assertThat(memberPosted(db, survivorA, "DEFAULT_ASSESSMENT", key, "CCP_DEFAULT_FUND", "250.00")).isTrue();
        assertThat(memberPosted(db, survivorA, "DEFAULT_ASSESSMENT", key, "CCP_CASH_AT_BANK", "-250.00")).isTrue();

        // Each survivor owes what it was assessed and is called for required - held: A 500.00 - (-250.00) = 750.00,
        // B 250.00 - (-125.00) = 375.00, C (nothing required) 0.00 - (-16.66) = 16.66.
        assertHeldAndCalled(survivorA, "-250.00", "750.00");
        assertHeldAndCalled(survivorB, "-125.00", "375.00");
        assertHeldAndCalled(survivorC, "-16.66", "16.66");
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallIssued' and payload->>'amount' = '16.66' and payload->>'sizingId' = '0'",
                survivorC)).isEqualTo(1);
        // The fund advanced the assessments: its account is +391.66, still minus what the members hold.
        assertFundHolds("-391.66");
    }

    /** A tranche of 100.00 and survivors assessed up to half their contribution. */
    public static class SmallTrancheHalfAssessments implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.default-fund.ccp-tranche", "100.00", "ccp.default-fund.assessment-multiple", "0.5");
        }
    }
}
