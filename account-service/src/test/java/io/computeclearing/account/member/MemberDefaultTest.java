package io.computeclearing.account.member;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.events.account.AccountEvents.MemberStatusChanged;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A default declared by risk-service (MemberDefaultDeclared on ccp.risk.v1) makes the member DEFAULTED, once and for
 * good: its collateral and default fund contribution stay with the CCP, it gets no new account and no status change
 * over REST; deposits and margin calls go on.
 */
@QuarkusTest
class MemberDefaultTest {

    private static final String MISSED_CALL = "margin call unmet by the 2026-12-08 09:00 deadline";

    @Inject
    DatabaseProbe db;

    @Test
    void aDeclaredDefaultMakesTheMemberDefaultedAndIsPublishedOnceThoughDeliveredTwice() {
        String member = Api.registerMember("DFLT");
        UUID eventId = Feeds.defaultDeclared(db, UUID.randomUUID(), 41, member, "MISSED_MARGIN_CALL", MISSED_CALL);

        String reason = "default 41: MISSED_MARGIN_CALL (" + MISSED_CALL + ")";
        Api.backOffice().get("/members/{id}", member).then().statusCode(200)
                .body("status", equalTo("DEFAULTED"))
                .body("statusReason", equalTo(reason));

        // The broker delivers the declaration again; then a second default of the member arrives under a new id. It
        // waits behind the redelivery on the member's partition, so both have been taken once it is in the inbox.
        Feeds.defaultDeclared(db, eventId, 41, member, "MISSED_MARGIN_CALL", MISSED_CALL);
        Feeds.defaultDeclared(db, UUID.randomUUID(), 42, member, "INSOLVENCY", "administrator appointed");

        Api.backOffice().get("/members/{id}", member).then().statusCode(200)
                .body("status", equalTo("DEFAULTED"))
                .body("statusReason", equalTo(reason));
        // the first default is the member's default case, which the default waterfall is applied under
        assertThat(db.count("select count(*) from default_case where member_id = ?", member)).isEqualTo(1);
        assertThat(db.count("select count(*) from default_case where member_id = ? and default_id = 41", member))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberStatusChanged'", member)).isEqualTo(1);
        assertThat(db.count("select count(*) from inbox_event where consumer = 'account-service.member-defaults' "
                + "and event_id = ?", eventId)).isEqualTo(1);
        assertThat(db.count("select count(*) from parked_event where aggregate_id = ?", member)).isZero();

        List<MemberStatusChanged> published = TopicProbe.readUntil(Topics.ACCOUNTS,
                        r -> member.equals(r.key()) && r.value().contains("DEFAULTED"), Duration.ofSeconds(30))
                .stream()
                .filter(r -> member.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> e.is(AccountEvents.MEMBER_STATUS_CHANGED))
                .map(e -> EventCodec.payload(e, AccountEvents.MEMBER_STATUS_CHANGED))
                .toList();
        assertThat(published).containsExactly(new MemberStatusChanged(member, "DEFAULTED", reason));
    }

    @Test
    void aDefaultedMembersCollateralStaysWithTheCcpWhileDepositsAndMarginCallsGoOn() {
        String member = Api.registerMember("DFLTW");
        String account = Api.openAccount(member, "USD");
        String bond = Api.unique("US91282CJ");
        Api.defineSecurity(bond, "GOVERNMENT_BOND", "USD", "98.50");
        Api.deposit(account, "USD", "1000000.00");
        Api.moveSecurity(account, "deposits", Api.idempotencyKey(), bond, "500000").then().statusCode(201);

        Feeds.defaultDeclared(db, UUID.randomUUID(), 43, member, "MISSED_MARGIN_CALL", MISSED_CALL);

        String key = Api.idempotencyKey();
        String refusal = "member '" + member + "' is DEFAULTED (default 43: MISSED_MARGIN_CALL (" + MISSED_CALL
                + ")): no collateral may be withdrawn from its account '" + account + "'; default management "
                + "decides what becomes of it";
        Api.withdrawCash(account, key, "USD", "250000.00").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/member-defaulted"))
                .body("title", equalTo("Member in default"))
                .body("detail", equalTo(refusal));
        // the same key again is refused again: the refusal recorded nothing for it to replay
        Api.withdrawCash(account, key, "USD", "250000.00").then().statusCode(409)
                .body("type", equalTo("/problems/member-defaulted"));
        Api.moveSecurity(account, "withdrawals", Api.idempotencyKey(), bond, "100000").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/member-defaulted"))
                .body("detail", equalTo(refusal));
        assertThat(db.count("select count(*) from journal_entry where account_id = ? and kind = 'WITHDRAWAL'",
                account)).isZero();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'CollateralMovementRecorded' and payload->>'movement' = 'WITHDRAWAL'", account)).isZero();

        // collateral may still come in: USD 1,000,000.00 + 50,000.00; the bond 500,000 x 98.50 / 100 less 4%
        // = 472,800.00
        Api.depositCash(account, Api.idempotencyKey(), "USD", "50000.00", "wire after default").then().statusCode(201);
        Api.backOffice().get("/accounts/{id}/balances", account).then().statusCode(200)
                .body("holdings.find { it.asset == 'USD' }.quantity", equalTo(new BigDecimal("1050000.00")))
                .body("holdings.find { it.asset == '%s' }.quantity".formatted(bond),
                        equalTo(new BigDecimal("500000.00")))
                .body("collateralValue", equalTo(new BigDecimal("1522800.00")));

        // margin is still computed and called: a requirement of 1,600,000.00 leaves a deficit of 77,200.00
        Feeds.cycle(account, "USD", "1600000.00");
        Api.backOffice().queryParam("accountId", account).get("/margin-calls").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].amount", equalTo(new BigDecimal("77200.00")));
    }

    @Test
    void aDefaultedMemberIsNeitherReinstatedNorSuspendedNorGivenAnAccountOrAFundRelease() {
        String member = Api.registerMember("DFLTR");
        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"USD\",\"amount\":1000.00,\"reference\":\"FED wire\"}")
                .post("/default-fund/{id}/contributions", member).then().statusCode(201);
        Api.backOffice().body("{\"reason\":\"margin call unmet by deadline\"}")
                .post("/members/{id}/suspend", member).then().statusCode(200);

        // a suspended member is declared in default as an active one is
        Feeds.defaultDeclared(db, UUID.randomUUID(), 44, member, "MISSED_MARGIN_CALL", null);
        Api.backOffice().get("/members/{id}", member).then()
                .body("status", equalTo("DEFAULTED"))
                .body("statusReason", equalTo("default 44: MISSED_MARGIN_CALL"));

        String stays = "member '" + member + "' is DEFAULTED (default 44: MISSED_MARGIN_CALL): it stays DEFAULTED; "
                + "default management, not a suspension or reinstatement, decides what becomes of it";
        Api.backOffice().body("{\"reason\":\"call met after all\"}").post("/members/{id}/reinstate", member)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/member-defaulted"))
                .body("detail", equalTo(stays));
        Api.backOffice().body("{\"reason\":\"again\"}").post("/members/{id}/suspend", member)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/member-defaulted"));

        String account = member + "-H1";
        Api.backOffice().body("""
                        {"id":"%s","memberId":"%s","type":"HOUSE","baseCurrency":"USD"}""".formatted(account, member))
                .post("/accounts").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/member-defaulted"))
                .body("detail", equalTo("member '" + member + "' is DEFAULTED (default 44: MISSED_MARGIN_CALL): "
                        + "no account may be opened for it"));

        // nothing is required of it, so all 1,000.00 would be releasable were it not in default
        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                .body("{\"currency\":\"USD\",\"amount\":400.00,\"reference\":\"release request\"}")
                .post("/default-fund/{id}/releases", member).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/member-defaulted"))
                .body("detail", equalTo("member '" + member + "' is DEFAULTED (default 44: MISSED_MARGIN_CALL): "
                        + "its default fund contribution stays with the CCP for default management"));

        Api.backOffice().get("/members/{id}", member).then().body("status", equalTo("DEFAULTED"));
        Api.backOffice().get("/default-fund/{id}", member).then().body("held", equalTo(new BigDecimal("1000.00")));
        assertThat(db.count("select count(*) from account where member_id = ?", member)).isZero();
        assertThat(db.count("select count(*) from journal_entry where member_id = ? and kind = "
                + "'DEFAULT_FUND_RELEASE'", member)).isZero();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberStatusChanged'", member)).isEqualTo(2);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberStatusChanged' and payload->>'status' = 'DEFAULTED' and payload->>'reason' = "
                + "'default 44: MISSED_MARGIN_CALL'", member)).isEqualTo(1);
    }

    @Test
    void aDefaultIdAlreadyDeclaredOfAnotherMemberIsParked() {
        String first = Api.registerMember("DFLTID");
        String second = Api.registerMember("DFLTID");
        Feeds.defaultDeclared(db, UUID.randomUUID(), 46, first, "INSOLVENCY", null);

        UUID eventId = Feeds.defaultDeclared(db, UUID.randomUUID(), 46, second, "INSOLVENCY", null);

        assertThat(db.count("select count(*) from parked_event where event_id = ? and consumer = "
                + "'account-service.member-defaults' and aggregate_id = ?", eventId, second)).isEqualTo(1);
        Api.backOffice().get("/members/{id}", second).then().body("status", equalTo("ACTIVE"));
        assertThat(db.count("select count(*) from default_case where default_id = 46 and member_id = ?", first))
                .isEqualTo(1);
    }

    @Test
    void aDefaultOfAnUnknownMemberIsParked() {
        String nobody = Api.unique("NOBODY");

        UUID eventId = Feeds.defaultDeclared(db, UUID.randomUUID(), 45, nobody, "INSOLVENCY", "court order");

        assertThat(db.count("select count(*) from parked_event where event_id = ? and consumer = "
                + "'account-service.member-defaults' and aggregate_id = ?", eventId, nobody)).isEqualTo(1);
        assertThat(db.count("select count(*) from clearing_member where id = ?", nobody)).isZero();
    }
}
