package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.MemberDefaultDeclared;
import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.Simultaneous;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.computeclearing.risk.RiskApi.as;
import static io.computeclearing.risk.RiskApi.backOffice;
import static io.computeclearing.risk.RiskApi.member;
import static io.computeclearing.risk.RiskApi.risk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Declaring a default with four eyes: a proposal by one risk user, approval by another (never the proposer), the
 * withdrawal of a proposal, a proposal from an escalated call, and every refusal writing nothing.
 */
@QuarkusTest
class DefaultDeclarationTest {

    @Inject
    DatabaseProbe db;

    @Test
    void aProposalIsDeclaredOnlyWhenASecondPersonApprovesIt() {
        String member = "DF" + RiskFeed.unique("");
        RiskFeed.member(member, null);
        awaitMember(member);

        Response proposed = risk().body("""
                {"memberId": "%s", "reason": "INSOLVENCY", "detail": "administrators appointed"}""".formatted(member))
                .post("/defaults");
        proposed.then().statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("risk.officer"))
                .body("decidedBy", nullValue());
        long id = proposed.jsonPath().getLong("defaultId");
        assertThat(proposed.header("Location")).endsWith("/defaults/" + id);

        // Refused, nothing written: a second proposal, the proposer approving, a back-office or member approval.
        long rows = db.count("select count(*) from member_default");
        long events = db.count("select count(*) from outbox_event");
        risk().body("""
                {"memberId": "%s", "reason": "REGULATOR", "detail": "again"}""".formatted(member)).post("/defaults")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/problems/default-already-proposed"));
        risk().post("/defaults/{id}/approval", id).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/problems/four-eyes"));
        backOffice().post("/defaults/{id}/approval", id).then().statusCode(403);
        member(member).post("/defaults/{id}/approval", id).then().statusCode(403);
        member(member).get("/defaults/{id}", id).then().statusCode(403);
        assertThat(db.count("select count(*) from member_default")).isEqualTo(rows);
        assertThat(db.count("select count(*) from outbox_event")).isEqualTo(events);

        // A second risk user approves: DECLARED, announced for account-service.
        as(TestTokens.token("second.officer", Set.of("risk"), null)).post("/defaults/{id}/approval", id).then()
                .statusCode(200)
                .body("status", equalTo("DECLARED"))
                .body("decidedBy", equalTo("second.officer"));
        MemberDefaultDeclared declared = declared(member);
        assertThat(declared.defaultId()).isEqualTo(id);
        assertThat(declared.reason()).isEqualTo("INSOLVENCY");
        assertThat(declared.proposedBy()).isEqualTo("risk.officer");
        assertThat(declared.approvedBy()).isEqualTo("second.officer");

        // Declared is final: no second approval, no withdrawal, no new proposal.
        as(TestTokens.admin()).post("/defaults/{id}/approval", id).then().statusCode(409)
                .body("type", endsWith("/problems/default-not-proposed"));
        risk().body("{\"why\": \"too late\"}").post("/defaults/{id}/withdrawal", id).then().statusCode(409);
        risk().body("""
                {"memberId": "%s", "reason": "REGULATOR", "detail": "again"}""".formatted(member)).post("/defaults")
                .then().statusCode(409).body("type", endsWith("/problems/member-in-default"));
        backOffice().queryParam("memberId", member).get("/defaults").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("DECLARED"));
    }

    @Test
    void anEscalatedCallProposesOnceAndAWithdrawalEndsTheProposal() {
        String member = "DE" + RiskFeed.unique("");
        RiskFeed.member(member, null);
        awaitMember(member);

        RiskFeed.marginCallEscalated("call-" + member, member + "-H", member, "2150.00");
        RiskFeed.contributionCallEscalated("fund-" + member, member, "1000.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from inbox_event where consumer = 'risk-service.escalated-calls' and aggregate_id in (?, ?)",
                member + "-H", member) == 2);
        // One proposal: the margin call's; the contribution call found it open.
        List<Object> cases = risk().queryParam("memberId", member).get("/defaults").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].reason", equalTo("MISSED_MARGIN_CALL"))
                .body("[0].callId", equalTo("call-" + member))
                .body("[0].proposedBy", equalTo("risk-service"))
                .extract().jsonPath().getList("defaultId");
        long id = ((Number) cases.getFirst()).longValue();

        // Not approved: the member paid late. Withdrawn with the reason; a new proposal may follow later.
        risk().body("{}").post("/defaults/{id}/withdrawal", id).then().statusCode(400)
                .contentType("application/problem+json");
        risk().body("{\"why\": \"paid at 16:05\"}").post("/defaults/{id}/withdrawal", id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("paid at 16:05"));
        risk().post("/defaults/{id}/approval", id).then().statusCode(409)
                .body("type", endsWith("/problems/default-not-proposed"));
        // The same escalation again (redelivered) proposes nothing; the call has had its proposal.
        RiskFeed.marginCallEscalated("call-" + member, member + "-H", member, "2150.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from inbox_event where consumer = 'risk-service.escalated-calls' and aggregate_id = ?",
                member + "-H") == 2);
        assertThat(db.count("select count(*) from member_default where member_id = ?", member)).isEqualTo(1);
        risk().body("""
                {"memberId": "%s", "reason": "MISSED_MARGIN_CALL", "detail": "second call missed"}""".formatted(member))
                .post("/defaults").then().statusCode(201);
        assertThat(db.count("select count(*) from member_default where member_id = ?", member)).isEqualTo(2);
        assertThat(db.count("select count(*) from parked_event where consumer = 'risk-service.escalated-calls'"))
                .isZero();
    }

    @Test
    void badProposalsAreRefusedAndWriteNothing() {
        long rows = db.count("select count(*) from member_default");
        risk().body("""
                {"memberId": "NOBODY", "reason": "INSOLVENCY", "detail": "x"}""").post("/defaults").then()
                .statusCode(404).contentType("application/problem+json");
        risk().body("""
                {"memberId": "ALPHA", "reason": "BORED", "detail": "x"}""").post("/defaults").then()
                .statusCode(400).contentType("application/problem+json");
        risk().body("""
                {"memberId": "alpha", "reason": "INSOLVENCY", "detail": "x"}""").post("/defaults").then()
                .statusCode(400).contentType("application/problem+json");
        risk().body("""
                {"memberId": "ALPHA", "reason": "INSOLVENCY", "detail": " "}""").post("/defaults").then()
                .statusCode(400).contentType("application/problem+json");
        risk().queryParam("status", "OPEN").get("/defaults").then().statusCode(400)
                .contentType("application/problem+json");
        risk().post("/defaults/{id}/approval", 999_999_999L).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(db.count("select count(*) from member_default")).isEqualTo(rows);
    }

    @Test
    void twoSimultaneousProposalsMakeOneCase() {
        String member = "DS" + RiskFeed.unique("");
        RiskFeed.member(member, null);
        awaitMember(member);
        List<Integer> statuses = Simultaneous.statuses(Simultaneous.send(4, () -> risk().body("""
                {"memberId": "%s", "reason": "REGULATOR", "detail": "order 12"}""".formatted(member))
                .post("/defaults")));
        assertThat(statuses).containsExactly(201, 409, 409, 409);
        assertThat(db.count("select count(*) from member_default where member_id = ?", member)).isEqualTo(1);
    }

    private void awaitMember(String member) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from risk_member where member_id = ?", member) == 1);
    }

    private static MemberDefaultDeclared declared(String member) {
        return TopicProbe.readUntil(Topics.RISK, r -> member.equals(r.key())
                        && EventCodec.decode(r.value()).is(RiskEvents.MEMBER_DEFAULT_DECLARED), Duration.ofSeconds(30))
                .stream()
                .filter(r -> member.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> e.is(RiskEvents.MEMBER_DEFAULT_DECLARED))
                .map(e -> EventCodec.payload(e, RiskEvents.MEMBER_DEFAULT_DECLARED))
                .findFirst().orElseThrow();
    }
}
