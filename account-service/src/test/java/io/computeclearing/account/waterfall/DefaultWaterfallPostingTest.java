package io.computeclearing.account.waterfall;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The default waterfall booked to the cent: a defaulter's close-out loss taken from its house cash, its contribution,
 * the CCP's tranche and the survivors' contributions, into the accounts that owe, through CCP_DEFAULT_LOSS; the
 * survivors called to replenish; refusals that write nothing. In a database of its own with a tranche of 200.00, so
 * that the survivors are this class's members only: no member here but the survivors holds a contribution and is
 * not DEFAULTED, and no refusal draws on the tranche.
 */
@QuarkusTest
@TestProfile(DefaultWaterfallPostingTest.TrancheOf200.class)
class DefaultWaterfallPostingTest {

    @Inject
    DatabaseProbe db;

    @Test
    void aLossIsCoveredLayerByLayerToTheCentAndTheSurvivorsAreCalledToReplenish() {
        Api.setFxRate("USD", "CNY", "7.10");
        String defaulter = Api.registerMember("WFD");
        String house1 = Api.openAccount(defaulter, "USD");
        String house2 = Api.openAccount(defaulter, "USD");
        String client = Api.openAccount(defaulter, "CLIENT_SEGREGATED", "USD");
        Api.deposit(house1, "USD", "300.00");
        Api.deposit(client, "USD", "50.00");
        owes(db, house2, defaulter, "USD", "1500.00");
        owes(db, client, defaulter, "CNY", "710.00");
        String survivor1 = Api.registerMember("WFSA");
        String survivor2 = Api.registerMember("WFSB");
        contributes(db, defaulter, 1L, "400.00");
        contributes(db, survivor1, 1L, "600.00");
        contributes(db, survivor2, 1L, "300.00");
        // margin-service at the close-out's cycle: nothing left to margin, against what house2 owes
        Feeds.cycle(house2, "USD", "0.00");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 61, defaulter, "MISSED_MARGIN_CALL", null);

        JsonPath applied = apply(defaulter).then().statusCode(201).extract().jsonPath();

        // The loss is what house2 owes, 1,500.00 (the client's CNY debt is not the fund's). Layer 1: house1's 300.00
        // (not the client's 50.00) leaves 1,200.00; layer 2: the contribution 400.00 leaves 800.00; layer 3: the
        // tranche 200.00 leaves 600.00; layer 4: the survivors' 900.00 cover it pro rata, 600 x 600/900 = 400.00 and
        // 600 x 300/900 = 200.00; nothing assessed, nothing uncovered.
        assertThat(applied.getLong("defaultId")).isEqualTo(61L);
        assertThat(applied.getString("memberId")).isEqualTo(defaulter);
        assertThat(applied.getString("currency")).isEqualTo("USD");
        assertLayers(applied, "1500.00", "300.00", "400.00", "200.00", "600.00", "0.00", "0.00");
        assertThat(applied.getList("survivors.memberId", String.class)).containsExactly(survivor1, survivor2);
        assertThat(applied.getList("survivors.fromContribution", BigDecimal.class))
                .containsExactly(new BigDecimal("400.00"), new BigDecimal("200.00"));
        assertThat(applied.getList("survivors.assessed", BigDecimal.class))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(applied.getList("otherCurrencies.currency", String.class)).containsExactly("CNY");
        assertThat(applied.getList("otherCurrencies.amount", BigDecimal.class))
                .containsExactly(new BigDecimal("710.00"));
        // house1's collateral, the defaulter's contribution, the tranche, two survivors' contributions, house2 covered
        assertThat(applied.getList("entryIds", String.class)).hasSize(6);
        assertThat(applied.getString("appliedBy")).isEqualTo("risk.officer");

        Api.backOffice().get("/accounts/{id}/balances", house1).then().statusCode(200).body("holdings", empty());
        Api.backOffice().get("/accounts/{id}/balances", house2).then().statusCode(200).body("holdings", empty());
        Api.backOffice().get("/accounts/{id}/balances", client).then().statusCode(200)
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("50.00")))
                .body("holdings.find { it.asset == 'CNY' }.quantity", equalTo(new BigDecimal("-710.00")));
        assertThat(bookSumsTo(db, "CCP_DEFAULT_LOSS", "0")).isTrue();
        assertThat(db.count("select count(*) from journal_posting p join journal_entry e on e.id = p.entry_id "
                + "where p.book = 'CCP_DEFAULT_LOSS' and e.idempotency_key like 'default-waterfall:61:%'")).isEqualTo(6);
        assertThat(bookSumsTo(db, "CCP_OWN_FUNDS", "-200.00")).isTrue();

        JsonPath out = Api.backOffice().get("/accounts/{id}/journal", house1).then().extract().jsonPath();
        assertThat(out.getString("entries[0].kind")).isEqualTo("DEFAULT_COLLATERAL_APPLIED");
        assertThat(out.getList("entries[0].postings.book")).containsExactly("MEMBER_COLLATERAL", "CCP_DEFAULT_LOSS");
        assertThat(out.getList("entries[0].postings.quantity", BigDecimal.class))
                .containsExactly(new BigDecimal("-300.00"), new BigDecimal("300.00"));
        assertThat(out.getString("entries[0].idempotencyKey")).isEqualTo("default-waterfall:61:DEFAULTER_COLLATERAL");
        assertThat(out.getString("entries[0].createdBy")).isEqualTo("risk.officer");
        assertThat(out.getString("entries[0].reference")).startsWith("default 61 of member " + defaulter);
        JsonPath in = Api.backOffice().get("/accounts/{id}/journal", house2).then().extract().jsonPath();
        assertThat(in.getString("entries[0].kind")).isEqualTo("DEFAULT_LOSS_COVERED");
        assertThat(in.getList("entries[0].postings.quantity", BigDecimal.class))
                .containsExactly(new BigDecimal("-1500.00"), new BigDecimal("1500.00"));
        assertThat(db.count("select count(*) from journal_entry where account_id = ? and kind like 'DEFAULT%'",
                client)).isZero();
        String key = "default-waterfall:61:";
        assertThat(memberPosted(db, defaulter, "DEFAULT_FUND_APPLIED", key + "DEFAULTER_CONTRIBUTION",
                "DEFAULT_FUND", "-400.00")).isTrue();
        assertThat(memberPosted(db, defaulter, "CCP_TRANCHE_APPLIED", key + "CCP_TRANCHE", "CCP_OWN_FUNDS",
                "-200.00")).isTrue();
        assertThat(memberPosted(db, survivor1, "DEFAULT_FUND_APPLIED", key + "SURVIVOR_CONTRIBUTIONS",
                "DEFAULT_FUND", "-400.00")).isTrue();
        assertThat(memberPosted(db, survivor1, "DEFAULT_FUND_APPLIED", key + "SURVIVOR_CONTRIBUTIONS",
                "CCP_DEFAULT_FUND", "400.00")).isTrue();
        assertThat(memberPosted(db, survivor1, "DEFAULT_FUND_APPLIED", key + "SURVIVOR_CONTRIBUTIONS",
                "CCP_CASH_AT_BANK", "-400.00")).isTrue();
        assertThat(memberPosted(db, survivor2, "DEFAULT_FUND_APPLIED", key + "SURVIVOR_CONTRIBUTIONS",
                "DEFAULT_FUND", "-200.00")).isTrue();

        // The contributions dropped by what was drawn; each survivor is called for exactly its charge.
        assertHeldAndCalled(defaulter, "0.00", null);
        assertHeldAndCalled(survivor1, "200.00", "400.00");
        assertHeldAndCalled(survivor2, "100.00", "200.00");
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallIssued' and payload->>'amount' = '400.00' and payload->>'held' = '200.00'",
                survivor1)).isEqualTo(1);
        // The fund's account is still minus what the members hold: 0.00 + 200.00 + 100.00.
        assertFundHolds("300.00");

        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'CollateralMovementRecorded' and payload->>'movement' = 'DEFAULT_COLLATERAL_APPLIED' "
                + "and payload->>'quantity' = '300.00'", house1)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'CollateralMovementRecorded' and payload->>'movement' = 'DEFAULT_LOSS_COVERED' "
                + "and payload->>'quantity' = '1500.00'", house2)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'DefaultWaterfallApplied' and payload->>'defaultId' = '61' and payload->>'loss' = '1500.00' "
                + "and payload->>'defaulterCollateral' = '300.00' and payload->>'ccpTranche' = '200.00' "
                + "and payload->>'survivorContributions' = '600.00' and payload->>'uncovered' = '0.00' "
                + "and jsonb_array_length(payload->'entryIds') = 6 "
                + "and payload->'survivors'->0->>'fromContribution' = '400.00' "
                + "and payload->'otherCurrencies'->0->>'amount' = '710.00'", defaulter)).isEqualTo(1);
        Api.backOffice().get("/accounts/{id}/cover", house2).then().statusCode(200)
                .body("cause", equalTo("DEFAULT_WATERFALL"))
                .body("collateralValue", equalTo(new BigDecimal("0.00")));
        assertThat(db.count("select count(*) from margin_call where account_id = ? and status = 'SETTLED' and "
                + "settled_reason = 'COVERED_BY_DEFAULT_WATERFALL'", house2)).isEqualTo(1);

        // Once per default: the second application is refused and books nothing; the waterfall reads back as applied.
        long entries = db.count("select count(*) from journal_entry");
        apply(defaulter).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/waterfall-applied"))
                .body("detail", containsString("default 61"));
        assertThat(db.count("select count(*) from journal_entry")).isEqualTo(entries);
        for (String token : List.of(TestTokens.backOffice(), TestTokens.member(defaulter))) {
            JsonPath read = Api.as(token).get("/members/{id}/default-waterfall", defaulter).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(amount(read, "survivorContributions")).isEqualTo(new BigDecimal("600.00"));
            assertThat(read.getList("entryIds")).isEqualTo(applied.getList("entryIds"));
        }
        Api.as(TestTokens.member(survivor1)).get("/members/{id}/default-waterfall", defaulter).then()
                .statusCode(404).body("detail", equalTo("member '" + defaulter + "' does not exist"));
    }

    @Test
    void theCollateralSettlementConsumedAfterTheDefaultIsTheFirstLayer() {
        String defaulter = Api.registerMember("WFV");
        String house = Api.openAccount(defaulter, "USD");
        Api.deposit(house, "USD", "1000.00");
        contributes(db, defaulter, null, "700.00");
        Feeds.requirement(house, "USD", "0.00");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 64, defaulter, "INSOLVENCY", null);
        // The close-out after the default costs the house 1,700.00 of variation margin: it held 1,000.00, so it owes
        // 700.00. The loss is 1,700.00: its collateral bore 1,000.00 (taken by settlement, nothing left to post), its
        // whole contribution 700.00; the tranche and the survivors are not reached.
        owes(db, house, defaulter, "USD", "1700.00");

        JsonPath applied = apply(defaulter).then().statusCode(201).extract().jsonPath();

        assertLayers(applied, "1700.00", "1000.00", "700.00", "0.00", "0.00", "0.00", "0.00");
        // Two entries: the contribution drawn, and the 700.00 covered into the house account.
        assertThat(applied.getList("entryIds")).hasSize(2);
        Api.backOffice().get("/accounts/{id}/balances", house).then().body("holdings", empty());
        assertThat(bookSumsTo(db, "CCP_DEFAULT_LOSS", "0")).isTrue();
        assertHeldAndCalled(defaulter, "0.00", null);
    }

    @Test
    void aMemberNotInDefaultIsRefusedAndNothingIsWritten() {
        String member = Api.registerMember("WFACT");
        String house = Api.openAccount(member, "USD");
        owes(db, house, member, "USD", "100.00");
        long outbox = events(member, house);

        apply(member).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/member-not-defaulted"))
                .body("detail", equalTo("member '" + member + "' is ACTIVE: the default waterfall covers only a "
                        + "DEFAULTED member's close-out loss"));

        assertNothingWritten(member, house, outbox);
        Api.backOffice().get("/members/{id}/default-waterfall", member).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no default waterfall has been applied for member '" + member
                        + "', which is not in default"));
    }

    @Test
    void aCloseOutStillMarginedIsRefusedNamingItsAccounts() {
        String member = Api.registerMember("WFOPEN");
        String closed = Api.openAccount(member, "USD");
        String open = Api.openAccount(member, "USD");
        owes(db, closed, member, "USD", "100.00");
        Feeds.requirement(open, "USD", "2500.00");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 62, member, "MISSED_MARGIN_CALL", null);
        long outbox = events(member, closed);

        apply(member).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/close-out-incomplete"))
                .body("detail", containsString(open + " (initial margin USD 2500.00)"))
                .body("detail", org.hamcrest.Matchers.not(containsString(closed)));

        assertNothingWritten(member, closed, outbox);
        Api.backOffice().get("/members/{id}/default-waterfall", member).then().statusCode(404)
                .body("detail", equalTo("no default waterfall has been applied for member '" + member
                        + "' (default 62)"));
    }

    @Test
    void onlyRiskAndAdminApplyAndAnUnknownMemberIsNotFound() {
        String member = Api.registerMember("WFROLE");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 63, member, "INSOLVENCY", null);

        for (String token : List.of(TestTokens.member(member), TestTokens.backOffice())) {
            Api.as(token).post("/members/{id}/default-waterfall", member).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        }
        Api.as(TestTokens.admin()).post("/members/{id}/default-waterfall", "NOBODY-WF").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("member 'NOBODY-WF' does not exist"));
        assertThat(db.count("select count(*) from default_waterfall where member_id = ?", member)).isZero();
    }

    /** The outbox events of the member and its account. */
    private long events(String member, String account) {
        return db.count("select count(*) from outbox_event where aggregate_id in (?, ?)", member, account);
    }

    private void assertNothingWritten(String member, String account, long outboxBefore) {
        assertThat(db.count("select count(*) from journal_entry where (member_id = ? or account_id = ?) and "
                + "idempotency_key like 'default-waterfall:%'", member, account)).isZero();
        assertThat(db.count("select count(*) from default_waterfall where member_id = ?", member)).isZero();
        assertThat(events(member, account)).isEqualTo(outboxBefore);
    }

    /** The CCP's tranche is 200.00 here, to be drawn in full by the first scenario. */
    public static class TrancheOf200 implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccp.default-fund.ccp-tranche", "200.00");
        }
    }
}
