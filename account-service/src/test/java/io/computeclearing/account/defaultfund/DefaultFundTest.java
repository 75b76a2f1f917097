package io.computeclearing.account.defaultfund;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.time.BusinessClock;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

/**
 * The default fund pool: required contributions from the risk service open, raise and settle contribution calls
 * (escalated past the deadline like margin calls); the cash is never margin cover and never leaves with an account's
 * collateral; only the excess over the requirement goes back, and only on request.
 */
@QuarkusTest
class DefaultFundTest {

    @Inject
    DatabaseProbe db;

    @Inject
    BusinessClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRequirementAboveWhatIsHeldOpensACallThatADepositSettles() {
        String member = Api.registerMember("DFCALL");
        contribute(member, "400000.00").then().statusCode(201);

        Feeds.contributionRequired(db, member, 1, "1500000.00");

        JsonPath position = position(member);
        assertThat(position.getObject("required", BigDecimal.class)).isEqualTo(new BigDecimal("1500000.00"));
        assertThat(position.getObject("held", BigDecimal.class)).isEqualTo(new BigDecimal("400000.00"));
        assertThat(position.getObject("releasable", BigDecimal.class)).isEqualTo(new BigDecimal("0.00"));
        assertThat(position.getLong("sizingId")).isEqualTo(1L);
        assertThat(position.getString("outstandingCall.status")).isEqualTo("OPEN");
        assertThat(position.getObject("outstandingCall.amount", BigDecimal.class))
                .isEqualTo(new BigDecimal("1100000.00"));
        String callId = position.getString("outstandingCall.id");
        // the margin calls' deadline rule: five minutes to meet a call in the test configuration
        assertThat(Duration.between(Instant.parse(position.getString("outstandingCall.issuedAt")),
                Instant.parse(position.getString("outstandingCall.deadline")))).isEqualTo(Duration.ofMinutes(5));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallIssued' and payload->>'callId' = ? and payload->>'amount' = '1100000.00' "
                + "and payload->>'required' = '1500000.00' and payload->>'held' = '400000.00' "
                + "and payload->>'sizingId' = '1'", member, callId)).isEqualTo(1);

        // a part payment leaves the call open
        contribute(member, "600000.00").then().statusCode(201);
        assertThat(position(member).getString("outstandingCall.id")).isEqualTo(callId);

        contribute(member, "500000.00").then().statusCode(201);

        JsonPath met = position(member);
        assertThat(met.getObject("held", BigDecimal.class)).isEqualTo(new BigDecimal("1500000.00"));
        assertThat(met.getString("outstandingCall")).isNull();
        assertThat(db.count("select count(*) from contribution_call where id = ?::uuid and status = 'SETTLED' and "
                + "settled_reason = 'COVERED_BY_DEPOSIT'", callId)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallSettled' and payload->>'callId' = ? and payload->>'reason' = "
                + "'COVERED_BY_DEPOSIT'", member, callId)).isEqualTo(1);
    }

    @Test
    void aHigherRequirementRaisesTheOpenCallAndALowerOneArrivingLateIsIgnored() {
        String member = Api.registerMember("DFRAISE");
        Feeds.contributionRequired(db, member, 5, "1000.00");
        String callId = position(member).getString("outstandingCall.id");

        Feeds.contributionRequired(db, member, 6, "2500.50");
        // sizing 4 was published before sizing 5 and arrives last: it changes nothing
        Feeds.contributionRequired(db, member, 4, "10.00");

        JsonPath position = position(member);
        assertThat(position.getObject("required", BigDecimal.class)).isEqualTo(new BigDecimal("2500.50"));
        assertThat(position.getLong("sizingId")).isEqualTo(6L);
        assertThat(position.getString("outstandingCall.id")).isEqualTo(callId);
        assertThat(position.getObject("outstandingCall.amount", BigDecimal.class))
                .isEqualTo(new BigDecimal("2500.50"));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallIssued'", member)).isEqualTo(2);
    }

    @Test
    void aRedeliveredEventOrTheSameSizingAgainChangesNothing() {
        String member = Api.registerMember("DFDUP");
        contribute(member, "250.00").then().statusCode(201);
        UUID eventId = Feeds.contributionRequired(db, member, 3, "1000.00");

        // the broker delivers the same event again, then risk-service publishes the same sizing under a new id; the
        // second waits behind the first on the member's partition, so both have been taken when it is in the inbox
        Feeds.contributionRequired(db, eventId, member, 3, "USD", "1000.00");
        Feeds.contributionRequired(db, member, 3, "1000.00");

        JsonPath position = position(member);
        assertThat(position.getObject("required", BigDecimal.class)).isEqualTo(new BigDecimal("1000.00"));
        assertThat(position.getObject("outstandingCall.amount", BigDecimal.class)).isEqualTo(new BigDecimal("750.00"));
        assertThat(db.count("select count(*) from contribution_call where member_id = ?", member)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallIssued'", member)).isEqualTo(1);
        assertThat(db.count("select count(*) from inbox_event where consumer = "
                + "'account-service.default-fund-contributions' and event_id = ?", eventId)).isEqualTo(1);
        assertThat(db.count("select count(*) from parked_event where aggregate_id = ?", member)).isZero();
    }

    @Test
    void aLowerRequirementSettlesTheOpenCall() {
        String member = Api.registerMember("DFLOWER");
        contribute(member, "600.00").then().statusCode(201);
        Feeds.contributionRequired(db, member, 7, "900.00");
        String callId = position(member).getString("outstandingCall.id");

        Feeds.contributionRequired(db, member, 8, "600.00");

        assertThat(position(member).getString("outstandingCall")).isNull();
        assertThat(db.count("select count(*) from contribution_call where id = ?::uuid and status = 'SETTLED' and "
                + "settled_reason = 'COVERED_BY_REQUIREMENT' and amount = 300.00", callId)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallSettled' and payload->>'reason' = 'COVERED_BY_REQUIREMENT' "
                + "and payload->>'amount' = '300.00'", member)).isEqualTo(1);
    }

    @Test
    void theFundsBookSumsToZero() {
        String alpha = Api.registerMember("DFBOOKA");
        String bravo = Api.registerMember("DFBOOKB");
        contribute(alpha, "1200.00").then().statusCode(201);
        contribute(bravo, "333.33").then().statusCode(201);
        Feeds.contributionRequired(db, alpha, 1, "1000.00");
        Feeds.contributionRequired(db, bravo, 1, "500.00");
        release(TestTokens.member(alpha), alpha, Api.idempotencyKey(), "200.00").then().statusCode(201);

        // per member: its DEFAULT_FUND postings (1200.00 - 200.00, 333.33) against the CCP_DEFAULT_FUND ones of its
        // entries
        assertThat(db.count("select count(*) from (select sum(quantity) as total from journal_posting "
                + "where book = 'DEFAULT_FUND' and member_id = ?) book where total = 1000.00", alpha)).isEqualTo(1);
        assertThat(db.count("select count(*) from (select sum(quantity) as total from journal_posting "
                + "where book = 'DEFAULT_FUND' and member_id = ?) book where total = 333.33", bravo)).isEqualTo(1);
        for (String member : new String[] {alpha, bravo}) {
            assertThat(db.count("select count(*) from (select sum(p.quantity) as total from journal_posting p "
                    + "join journal_entry e on e.id = p.entry_id where e.member_id = ? "
                    + "and p.book in ('DEFAULT_FUND', 'CCP_DEFAULT_FUND')) book where total = 0", member))
                    .isEqualTo(1);
        }
        // the whole book, every member of every test together
        assertThat(db.count("select count(*) from (select sum(quantity) as total from journal_posting "
                + "where book in ('DEFAULT_FUND', 'CCP_DEFAULT_FUND')) book where total = 0")).isEqualTo(1);

        JsonPath fund = Api.as(TestTokens.risk()).get("/default-fund").then().statusCode(200).extract().jsonPath();
        BigDecimal held = fund.getObject("held", BigDecimal.class);
        assertThat(fund.getObject("ccpFundAccount", BigDecimal.class)).isEqualTo(held.negate());
        assertThat(fund.getObject("members.find { it.memberId == '" + alpha + "' }.held", BigDecimal.class))
                .isEqualTo(new BigDecimal("1000.00"));
        assertThat(fund.getObject("members.find { it.memberId == '" + bravo + "' }.outstandingCall.amount",
                BigDecimal.class)).isEqualTo(new BigDecimal("166.67"));
        BigDecimal heldOfAll = fund.getList("members.held").stream().map(Object::toString).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(heldOfAll).isEqualByComparingTo(held);
        assertThat(fund.getObject("shortfall", BigDecimal.class)).isGreaterThanOrEqualTo(new BigDecimal("166.67"));
    }

    @Test
    void theDatabaseKeepsFundEntriesApartFromAccountEntries() {
        String member = Api.registerMember("DFSQL");
        String account = Api.openAccount(member, "USD");
        String entry = UUID.randomUUID().toString();
        String insertEntry = """
                insert into journal_entry (id, account_id, member_id, kind, idempotency_key, request_fingerprint,
                                           reference, created_by, created_at)
                values ('%s', %s, %s, 'DEFAULT_FUND_CONTRIBUTION', 'k', repeat('0', 64), 'r', 'sql', now())""";

        // an entry belongs to an account or to a member, never both, never neither
        assertThatThrownBy(() -> db.inOneTransaction(insertEntry.formatted(entry, "'" + account + "'",
                "'" + member + "'"))).isInstanceOf(SQLException.class).hasMessageContaining("journal_entry_one_owner");
        assertThatThrownBy(() -> db.inOneTransaction(insertEntry.formatted(entry, "null", "null")))
                .isInstanceOf(SQLException.class).hasMessageContaining("journal_entry_one_owner");
        // a DEFAULT_FUND posting names its member, and only DEFAULT_FUND postings do
        for (String posting : new String[] {
                "('%s', 'DEFAULT_FUND', null, 'CASH', 'USD', 10.00), ('%s', 'CCP_DEFAULT_FUND', null, 'CASH', 'USD', "
                        + "-10.00)",
                "('%s', 'DEFAULT_FUND', '" + member + "', 'CASH', 'USD', 10.00), ('%s', 'CCP_DEFAULT_FUND', '"
                        + member + "', 'CASH', 'USD', -10.00)"}) {
            assertThatThrownBy(() -> db.inOneTransaction(insertEntry.formatted(entry, "null", "'" + member + "'"),
                    "insert into journal_posting (entry_id, book, member_id, asset_class, asset, quantity) values "
                            + posting.formatted(entry, entry)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("journal_posting_default_fund_member");
        }
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", member)).isZero();
    }

    @Test
    void aMemberSeesOnlyItsOwnContributionCalls() {
        String alpha = Api.registerMember("DFCALLA");
        String bravo = Api.registerMember("DFCALLB");
        Feeds.contributionRequired(db, alpha, 1, "10.00");
        Feeds.contributionRequired(db, bravo, 1, "20.00");
        String alphaCall = position(alpha).getString("outstandingCall.id");
        String bravoCall = position(bravo).getString("outstandingCall.id");

        Api.as(TestTokens.member(alpha)).get("/contribution-calls").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(alphaCall))
                .body("[0].amount", equalTo(new BigDecimal("10.00")));
        Api.as(TestTokens.member(alpha)).queryParam("memberId", bravo).get("/contribution-calls").then()
                .statusCode(200).body("size()", equalTo(0));
        Api.as(TestTokens.member(alpha)).get("/contribution-calls/{id}", alphaCall).then().statusCode(200)
                .body("memberId", equalTo(alpha));
        String refused = Api.as(TestTokens.member(alpha)).get("/contribution-calls/{id}", bravoCall).then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .extract().asString();
        assertThat(refused).doesNotContain("20.00", bravo);
        Api.as(TestTokens.member(alpha)).get("/contribution-calls/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");

        // back office and risk see every member's
        for (String token : new String[] {TestTokens.backOffice(), TestTokens.risk()}) {
            Api.as(token).queryParam("memberId", bravo).get("/contribution-calls").then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].id", equalTo(bravoCall));
            Api.as(token).get("/contribution-calls/{id}", bravoCall).then().statusCode(200)
                    .body("amount", equalTo(new BigDecimal("20.00")));
        }
        Api.backOffice().queryParam("status", "CLOSED").get("/contribution-calls").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"));
    }

    @Test
    void aRefusedMovementIsProblemJsonAndWritesNothing() {
        String member = Api.registerMember("DFREFUSE");
        // a member may not record its own contribution, risk may not release one, a member may not list the fund
        Api.as(TestTokens.member(member)).header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"USD\",\"amount\":100.00,\"reference\":\"self\"}")
                .post("/default-fund/{id}/contributions", member).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(TestTokens.risk()).header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"USD\",\"amount\":100.00,\"reference\":\"risk\"}")
                .post("/default-fund/{id}/releases", member).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(TestTokens.member(member)).get("/default-fund").then().statusCode(403)
                .contentType("application/problem+json");
        // no Idempotency-Key, a negative amount
        Api.backOffice().body("{\"currency\":\"USD\",\"amount\":100.00,\"reference\":\"wire\"}")
                .post("/default-fund/{id}/contributions", member).then().statusCode(400)
                .contentType("application/problem+json");
        contribute(member, "-5.00").then().statusCode(400).contentType("application/problem+json");
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", member)).isZero();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ?", member))
                .isEqualTo(1); // MemberRegistered only
    }

    @Test
    void aCallUnmetPastItsDeadlineIsEscalated() {
        String member = Api.registerMember("DFLATE");
        contribute(member, "100.00").then().statusCode(201);
        Feeds.contributionRequired(db, member, 1, "350.25");
        JsonPath call = position(member);
        UUID callId = UUID.fromString(call.getString("outstandingCall.id"));
        Instant deadline = Instant.parse(call.getString("outstandingCall.deadline"));

        moveClockTo(deadline.minusSeconds(1));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(position(member).getString("outstandingCall.status")).isEqualTo("OPEN"));

        moveClockTo(deadline);
        await().atMost(Feeds.ARRIVAL).untilAsserted(() ->
                assertThat(position(member).getString("outstandingCall.status")).isEqualTo("ESCALATED"));
        clock.reset();

        JsonPath escalated = position(member);
        assertThat(escalated.getString("outstandingCall.escalatedAt")).isEqualTo(deadline.toString());
        assertThat(escalated.getObject("outstandingCall.outstandingAtEscalation", BigDecimal.class))
                .isEqualTo(new BigDecimal("250.25"));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'ContributionCallEscalated' and payload->>'callId' = ? and payload->>'outstanding' = '250.25'",
                member, callId.toString())).isEqualTo(1);

        // an escalated call still settles once the contribution is paid
        contribute(member, "250.25").then().statusCode(201);
        assertThat(position(member).getString("outstandingCall")).isNull();
        assertThat(db.count("select count(*) from contribution_call where id = ? and status = 'SETTLED'", callId))
                .isEqualTo(1);
    }

    @Test
    void fundCashIsNeverMarginCoverAndNeverLeavesWithAnAccountsCollateral() {
        String member = Api.registerMember("DFCOVER");
        String account = Api.openAccount(member, "USD");
        Api.deposit(account, "USD", "1000.00");
        Feeds.cycle(account, "USD", "1500.00");

        contribute(member, "50000.00").then().statusCode(201);

        // the account's cover and balances are what they were: 500.00 short, the margin call still open
        Api.backOffice().get("/accounts/{id}/cover", account).then().statusCode(200)
                .body("collateralValue", equalTo(new BigDecimal("1000.00")))
                .body("excess", equalTo(new BigDecimal("-500.00")));
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("collateralValue", equalTo(new BigDecimal("1000.00")));
        Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().statusCode(200)
                .body("[0].status", equalTo("OPEN"))
                .body("[0].amount", equalTo(new BigDecimal("500.00")));
        // nor can the account withdraw it
        Api.withdrawCash(account, Api.idempotencyKey(), "USD", "10.00").then().statusCode(422);
        Api.backOffice().get("/accounts/{id}/journal", account).then()
                .body("totalEntries", equalTo(1));
        // the fund holds it, in its own books
        assertThat(position(member).getObject("held", BigDecimal.class)).isEqualTo(new BigDecimal("50000.00"));
        assertThat(db.count("select count(*) from journal_posting p join journal_entry e on e.id = p.entry_id "
                + "where e.member_id = ? and p.book = 'DEFAULT_FUND' and p.member_id = ? and p.quantity = 50000.00 "
                + "and p.account_id is null", member, member)).isEqualTo(1);
        assertThat(db.count("select count(*) from journal_posting p join journal_entry e on e.id = p.entry_id "
                + "where e.member_id = ? and p.book = 'CCP_DEFAULT_FUND' and p.quantity = -50000.00", member))
                .isEqualTo(1);
        // no collateral movement of an account is published for it
        assertThat(db.count("select count(*) from outbox_event where event_type = 'CollateralMovementRecorded' "
                + "and payload->>'memberId' = ? and payload->>'quantity' = '50000.00'", member)).isZero();
    }

    @Test
    void onlyTheExcessIsReleasedAndOnlyOnRequest() {
        String member = Api.registerMember("DFREL");
        contribute(member, "1500.00").then().statusCode(201);
        Feeds.contributionRequired(db, member, 1, "1000.00");

        // 500.00 above the requirement: 500.01 is refused and nothing is written
        release(TestTokens.backOffice(), member, Api.idempotencyKey(), "500.01").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/insufficient-fund-excess"));
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", member)).isEqualTo(1);

        // a lower requirement releases nothing by itself
        Feeds.contributionRequired(db, member, 2, "400.00");
        JsonPath lowered = position(member);
        assertThat(lowered.getObject("held", BigDecimal.class)).isEqualTo(new BigDecimal("1500.00"));
        assertThat(lowered.getObject("releasable", BigDecimal.class)).isEqualTo(new BigDecimal("1100.00"));
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", member)).isEqualTo(1);

        // the member asks for its excess back; the same request again is a replay, not a second payment
        String key = Api.idempotencyKey();
        release(TestTokens.member(member), member, key, "1100.00").then().statusCode(201)
                .body("kind", equalTo("DEFAULT_FUND_RELEASE"));
        release(TestTokens.member(member), member, key, "1100.00").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        release(TestTokens.member(member), member, key, "1.00").then().statusCode(409)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        release(TestTokens.member(member), member, Api.idempotencyKey(), "0.01").then().statusCode(422)
                .body("type", equalTo("/problems/insufficient-fund-excess"));

        JsonPath after = position(member);
        assertThat(after.getObject("held", BigDecimal.class)).isEqualTo(new BigDecimal("400.00"));
        assertThat(after.getObject("required", BigDecimal.class)).isEqualTo(new BigDecimal("400.00"));
        assertThat(after.getObject("releasable", BigDecimal.class)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aSuspendedMemberReleasesNothing() {
        String member = Api.registerMember("DFSUSP");
        contribute(member, "100.00").then().statusCode(201);
        Api.backOffice().body("{\"reason\":\"default declared\"}").post("/members/{id}/suspend", member)
                .then().statusCode(200);

        release(TestTokens.backOffice(), member, Api.idempotencyKey(), "100.00").then().statusCode(422)
                .body("type", equalTo("/problems/member-suspended"));
        assertThat(position(member).getObject("held", BigDecimal.class)).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void aMemberSeesAndReleasesOnlyItsOwnFund() {
        String alpha = Api.registerMember("DFALPHA");
        String bravo = Api.registerMember("DFBRAVO");
        contribute(bravo, "900.00").then().statusCode(201);

        Api.as(TestTokens.member(alpha)).get("/default-fund/{id}", alpha).then().statusCode(200)
                .body("held", equalTo(new BigDecimal("0.00")))
                .body("outstandingCall", nullValue());
        Api.as(TestTokens.member(alpha)).get("/default-fund/{id}", bravo).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        release(TestTokens.member(alpha), bravo, Api.idempotencyKey(), "900.00").then().statusCode(404);
        Api.as(TestTokens.risk()).get("/default-fund/{id}", bravo).then().statusCode(200)
                .body("held", equalTo(new BigDecimal("900.00")));
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", bravo)).isEqualTo(1);
    }

    @Test
    void contributionsAreRefusedInAnotherCurrencyOrForAnUnknownMember() {
        String member = Api.registerMember("DFCCY");

        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"CNY\",\"amount\":100.00,\"reference\":\"wire\"}")
                .post("/default-fund/{id}/contributions", member).then().statusCode(400)
                .body("detail", equalTo("currency: the default fund is held in USD, not CNY"));
        contribute("NOBODY", "100.00").then().statusCode(404);
        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"USD\",\"amount\":100.001,\"reference\":\"wire\"}")
                .post("/default-fund/{id}/contributions", member).then().statusCode(400);
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", member)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+400", "1e131071", "1000000000000000", "0.001", "-5", "0", "\"100.00\"", "null"})
    void aContributionOrReleaseOutsideTheAmountDomainIsRefusedAndWritesNothing(String amount) {
        String member = Api.registerMember("DFBOUND");
        contribute(member, amount).then().statusCode(400).contentType("application/problem+json")
                .body("type", oneOf("/problems/validation", "/problems/malformed-request"))
                .body("detail", not(containsString("java")));
        release(TestTokens.backOffice(), member, Api.idempotencyKey(), amount).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", oneOf("/problems/validation", "/problems/malformed-request"));
        assertThat(db.count("select count(*) from journal_entry where member_id = ?", member)).isZero();
    }

    @Test
    void aRequirementBreakingTheContractIsParked() {
        String member = Api.registerMember("DFPARK");

        UUID eventId = Feeds.contributionRequired(db, member, 1, "CNY", "100.00");

        assertThat(db.count("select count(*) from parked_event where event_id = ? and consumer = "
                + "'account-service.default-fund-contributions' and aggregate_id = ?", eventId, member)).isEqualTo(1);
        assertThat(db.count("select count(*) from default_fund_requirement where member_id = ?", member)).isZero();
    }

    private static Response contribute(String member, String amount) {
        return Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"USD\",\"amount\":" + amount + ",\"reference\":\"FED wire\"}")
                .post("/default-fund/{id}/contributions", member);
    }

    private static Response release(String token, String member, String key, String amount) {
        return Api.as(token).header("Idempotency-Key", key)
                .body("{\"currency\":\"USD\",\"amount\":" + amount + ",\"reference\":\"release request\"}")
                .post("/default-fund/{id}/releases", member);
    }

    private static JsonPath position(String member) {
        return Api.backOffice().get("/default-fund/{id}", member).then().statusCode(200).extract().jsonPath();
    }

    private static void moveClockTo(Instant instant) {
        Api.as(TestTokens.admin()).body(Map.of("instant", instant.toString(), "frozen", true)).put("/clock")
                .then().statusCode(200).body("now", equalTo(instant.toString()));
    }
}
