package io.computeclearing.risk.defaults;

import io.computeclearing.platform.events.EventCodec;
import io.computeclearing.platform.events.Topics;
import io.computeclearing.platform.events.risk.RiskEvents;
import io.computeclearing.platform.events.risk.RiskEvents.PositionTransferInstructed;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import io.computeclearing.platform.time.BusinessClock;
import io.computeclearing.risk.RiskFeed;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.computeclearing.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.computeclearing.risk.RiskApi.as;
import static io.computeclearing.risk.RiskApi.backOffice;
import static io.computeclearing.risk.RiskApi.member;
import static io.computeclearing.risk.RiskApi.risk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Default management after a declaration, in risk-service: porting a client account, lotting and auctioning the house
 * portfolio, a hedge, and what each member may see. Clearing-service's answers are played as it publishes them.
 * The market: instruments of two families, 1,000 units a contract, settled at 2.100 (F1) and 1.950 (F2) on the last
 * end of day. The defaulter D holds 3 long F1 and 2 short F2 in its house account and 4 long F1 in a segregated
 * client account.
 */
@QuarkusTest
class DefaultManagementTest {

    /** Each test's end of day is later than every other test's, so its prices are the last settlement prices. */
    private static final AtomicInteger DAY = new AtomicInteger();

    @Inject
    DatabaseProbe db;

    @Inject
    BusinessClock clock;

    /** The positions each test opened, closed after it: an open position without a price would hold up stress runs. */
    private final List<String[]> opened = new ArrayList<>();

    @AfterEach
    void closeOpenedPositions() {
        opened.forEach(p -> RiskFeed.position(p[0], p[1], p[2], 0, LocalDate.parse(p[3]), 2));
        opened.clear();
    }

    /** The members, accounts and instruments of one test. */
    private record Market(String d, String a, String b, String f1, String f2, LocalDate date, long defaultId) {
    }

    @Test
    void aClientAccountIsPortedAtTheLastSettlementPriceToTheMemberThatAccepts() {
        Market m = defaultedMarket("PO");

        // Refused, nothing written: a house account, the defaulter itself, an unknown member.
        long offers = db.count("select count(*) from porting_offer");
        offer(m, m.d() + "-H", m.a()).then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/problems/porting-refused"));
        offer(m, m.d() + "-S", m.d()).then().statusCode(422).body("type", endsWith("/problems/porting-refused"));
        offer(m, m.d() + "-S", "NOBODY").then().statusCode(422);
        member(m.a()).body(offerBody(m, m.d() + "-S", m.a())).post("/porting-offers").then().statusCode(403);
        assertThat(db.count("select count(*) from porting_offer")).isEqualTo(offers);

        Response offered = offer(m, m.d() + "-S", m.a());
        offered.then().statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("accountType", equalTo("CLIENT_SEGREGATED"))
                .body("positions[0].instrumentId", equalTo(m.f1()))
                .body("positions[0].longQuantity", equalTo(4));
        long offerId = offered.jsonPath().getLong("offerId");
        offer(m, m.d() + "-S", m.b()).then().statusCode(409).body("type", endsWith("/problems/porting-offer-exists"));

        // Only the receiving member sees and decides it.
        member(m.b()).get("/porting-offers/{id}", offerId).then().statusCode(404);
        member(m.b()).get("/porting-offers").then().statusCode(200).body("offerId", not(hasItem((int) offerId)));
        member(m.b()).body("{\"receivingAccountId\": \"" + m.b() + "-S\"}")
                .post("/porting-offers/{id}/acceptance", offerId).then().statusCode(404);
        member(m.a()).get("/porting-offers").then().statusCode(200).body("offerId", hasItem((int) offerId));
        risk().body("{\"receivingAccountId\": \"" + m.a() + "-S\"}")
                .post("/porting-offers/{id}/acceptance", offerId).then().statusCode(403);
        // Into a house account: not the same kind of account.
        member(m.a()).body("{\"receivingAccountId\": \"" + m.a() + "-H\"}")
                .post("/porting-offers/{id}/acceptance", offerId).then().statusCode(422)
                .body("type", endsWith("/problems/porting-refused"));

        member(m.a()).body("{\"receivingAccountId\": \"" + m.a() + "-S\"}")
                .post("/porting-offers/{id}/acceptance", offerId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("receivingAccountId", equalTo(m.a() + "-S"))
                .body("transfer.purpose", equalTo("PORTING"))
                .body("transfer.status", equalTo("INSTRUCTED"));
        member(m.a()).body("{\"receivingAccountId\": \"" + m.a() + "-S\"}")
                .post("/porting-offers/{id}/acceptance", offerId).then().statusCode(409)
                .body("type", endsWith("/problems/porting-offer-decided"));

        // The instruction: all 4 contracts at the last settlement price, keyed by the ported account.
        PositionTransferInstructed instructed = instructed(m.d() + "-S");
        assertThat(instructed.transferId()).isEqualTo("D" + m.defaultId() + "-P" + offerId);
        assertThat(instructed.purpose()).isEqualTo("PORTING");
        assertThat(instructed.toAccountId()).isEqualTo(m.a() + "-S");
        assertThat(instructed.priceDate()).isEqualTo(m.date());
        assertThat(instructed.legs()).containsExactly(new TransferLeg(m.f1(), 4, new BigDecimal("2.1")));

        // Clearing-service books it: PORTED.
        RiskFeed.transferred(instructed.transferId(), m.defaultId(), "PORTING", m.d() + "-S", m.a() + "-S",
                m.date().plusDays(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> member(m.a())
                .get("/porting-offers/{id}", offerId).then().statusCode(200)
                .body("status", equalTo("PORTED"))
                .body("transfer.status", equalTo("BOOKED"))
                .body("transfer.legs[0].closeOutCost", equalTo(new BigDecimal("0.00"))));
    }

    @Test
    void aRefusedPortingFailsAndAnOfferNotAcceptedInTimeExpires() {
        Market m = defaultedMarket("PF");
        long first = offer(m, m.d() + "-S", m.a()).then().statusCode(201).extract().jsonPath().getLong("offerId");
        member(m.a()).body("{\"receivingAccountId\": \"" + m.a() + "-S\"}")
                .post("/porting-offers/{id}/acceptance", first).then().statusCode(200);
        PositionTransferInstructed instructed = instructed(m.d() + "-S");
        RiskFeed.transferRefused(instructed.transferId(), m.defaultId(), "PORTING", m.d() + "-S", m.a() + "-S",
                "RECEIVER_CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> risk().get("/porting-offers/{id}", first)
                .then().body("status", equalTo("FAILED"))
                .body("transfer.refusalReason", equalTo("RECEIVER_CLOSED")));

        // Free again: offered to B, which lets the window pass.
        long second = offer(m, m.d() + "-S", m.b()).then().statusCode(201).extract().jsonPath().getLong("offerId");
        clock.offset(Duration.ofHours(25));
        try {
            member(m.b()).body("{\"receivingAccountId\": \"" + m.b() + "-S\"}")
                    .post("/porting-offers/{id}/acceptance", second).then().statusCode(409)
                    .body("type", endsWith("/problems/porting-window-closed"));
            assertThat(db.count("select count(*) from porting_offer where offer_id = ? and status = 'OPEN'", second))
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> risk().get("/porting-offers/{id}", second)
                    .then().body("status", equalTo("EXPIRED")).body("decidedBy", equalTo("risk-service")));
        } finally {
            clock.offset(Duration.ZERO);
        }
    }

    @Test
    void theHousePortfolioIsAuctionedInLotsAndTheLowestBidWins() throws InterruptedException {
        Market m = defaultedMarket("AU");
        String lots = """
                {"defaultId": %d, "deadline": "%s", "lots": [
                  {"name": "front", "positions": [{"accountId": "%s-H", "instrumentId": "%s"}]}%s]}""";
        Instant deadline = Instant.now().plusSeconds(4);

        // Lots must partition the close-out portfolio (house and unported client: 3 positions).
        long lotsBefore = db.count("select count(*) from auction_lot");
        risk().body(lots.formatted(m.defaultId(), deadline, m.d(), m.f1(), "")).post("/auctions").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/problems/lots-not-a-partition"));
        risk().body(lots.formatted(m.defaultId(), deadline, m.d(), m.f1(), """
                        , {"name": "back", "positions": [{"accountId": "%s-H", "instrumentId": "%s"},
                                                         {"accountId": "%s-H", "instrumentId": "%s"}]}"""
                        .formatted(m.d(), m.f2(), m.d(), m.f1()))).post("/auctions").then().statusCode(422)
                .body("detail", equalTo(m.d() + "-H / " + m.f1() + " is in lot 'front' and lot 'back'"));
        member(m.a()).body(lots.formatted(m.defaultId(), deadline, m.d(), m.f1(), "")).post("/auctions").then()
                .statusCode(403);
        assertThat(db.count("select count(*) from auction_lot")).isEqualTo(lotsBefore);

        // Lotted: the house in two, the segregated client account (not being ported) in a third.
        List<Integer> ids = risk().body(lots.formatted(m.defaultId(), deadline, m.d(), m.f1(), """
                        , {"name": "back", "positions": [{"accountId": "%s-H", "instrumentId": "%s"}]},
                          {"name": "client", "positions": [{"accountId": "%s-S", "instrumentId": "%s"}]}"""
                        .formatted(m.d(), m.f2(), m.d(), m.f1()))).post("/auctions").then().statusCode(201)
                .body("lot", equalTo(List.of("front", "back", "client")))
                .body("status", equalTo(List.of("OPEN", "OPEN", "OPEN")))
                .extract().jsonPath().getList("auctionId");
        long front = ids.get(0);
        long back = ids.get(1);
        // Nothing is left to lot, and the lotted client account can no longer be offered for porting.
        risk().body("{\"defaultId\": %d, \"deadline\": \"%s\"}".formatted(m.defaultId(), deadline))
                .post("/auctions").then().statusCode(409).body("type", endsWith("/problems/nothing-to-auction"));
        offer(m, m.d() + "-S", m.a()).then().statusCode(409).body("type", endsWith("/problems/account-in-close-out"));

        // Sealed bids. A bids 1,000.03 and B 999.99 for the front lot; B -50.01 for the back lot.
        member(m.a()).body(bid(m.a() + "-H", "1000.03")).post("/auctions/{id}/bids", front).then().statusCode(201);
        member(m.b()).body(bid(m.b() + "-H", "999.99")).post("/auctions/{id}/bids", front).then().statusCode(201);
        member(m.b()).body(bid(m.b() + "-H", "-50.01")).post("/auctions/{id}/bids", back).then().statusCode(201);
        member(m.b()).body(bid(m.b() + "-H", "1.00")).post("/auctions/{id}/bids", back).then().statusCode(409)
                .body("type", endsWith("/problems/bid-already-placed"));
        member(m.a()).body(bid(m.a() + "-S", "5.00")).post("/auctions/{id}/bids", back).then().statusCode(422)
                .body("type", endsWith("/problems/bid-account-refused"));
        member(m.d()).body(bid(m.d() + "-H", "1.00")).post("/auctions/{id}/bids", back).then().statusCode(404);
        // Sealed: A sees its own bid only; nobody sees the bids while it is open.
        member(m.a()).get("/auctions/{id}", front).then().statusCode(200)
                .body("yourBid.amount", equalTo(new BigDecimal("1000.03")))
                .body("bids", nullValue())
                .body("positions[0].accountId", nullValue())
                .body("positions[0].longQuantity", equalTo(3));
        risk().get("/auctions/{id}", front).then().body("bids", nullValue())
                .body("positions[0].accountId", equalTo(m.d() + "-H"));
        risk().post("/auctions/{id}/close", front).then().statusCode(409)
                .body("type", endsWith("/problems/auction-still-open"));

        Thread.sleep(Duration.between(Instant.now(), deadline).plusMillis(200).toMillis());
        member(m.a()).body(bid(m.a() + "-H", "900.00")).post("/auctions/{id}/bids", back).then().statusCode(409)
                .body("type", endsWith("/problems/auction-closed"));

        // Front: B's 999.99 wins; 3 long at 2.100 - 333.33 / 1000 = 1.76667 (3 x 333.33 = 999.99).
        risk().post("/auctions/{id}/close", front).then().statusCode(200)
                .body("status", equalTo("AWARDED"))
                .body("lotStatus", equalTo("SOLD"))
                .body("winningBid.memberId", equalTo(m.b()))
                .body("bids.amount", equalTo(List.of(new BigDecimal("999.99"), new BigDecimal("1000.03"))))
                .body("transfers[0].toAccountId", equalTo(m.b() + "-H"))
                .body("transfers[0].legs[0].quantity", equalTo(3))
                .body("transfers[0].legs[0].price", equalTo(new BigDecimal("1.76667")))
                .body("transfers[0].legs[0].closeOutCost", equalTo(new BigDecimal("999.99")));
        // Back: B takes over the 2 short at prices worth -50.01 to it: -25.01 and -25.00 per contract, so one short
        // at 1.950 - 0.02501 = 1.92499 and one at 1.925.
        risk().post("/auctions/{id}/close", back).then().statusCode(200)
                .body("winningBid.amount", equalTo(new BigDecimal("-50.01")))
                .body("missedObligation", hasItem(m.a()))
                .body("missedObligation", not(hasItem(m.b())))
                .body("transfers[0].legs.quantity", equalTo(List.of(-1, -1)))
                .body("transfers[0].legs.price", equalTo(List.of(new BigDecimal("1.92499"), new BigDecimal("1.925"))))
                .body("transfers[0].legs.closeOutCost",
                        equalTo(List.of(new BigDecimal("-25.01"), new BigDecimal("-25.00"))));
        risk().post("/auctions/{id}/close", back).then().statusCode(409).body("type", endsWith("/problems/auction-closed"));

        // After the close a member still sees only its own bid, and whether it won.
        member(m.a()).get("/auctions/{id}", front).then().body("won", equalTo(false)).body("bids", nullValue())
                .body("winningBid", nullValue()).body("yourBid.amount", equalTo(new BigDecimal("1000.03")));
        member(m.b()).get("/auctions/{id}", front).then().body("won", equalTo(true));
        PositionTransferInstructed award = instructed(m.d() + "-H");
        assertThat(award.purpose()).isEqualTo("AUCTION");
        assertThat(award.toAccountId()).isEqualTo(m.b() + "-H");
        // The case's transfers, in order, with their close-out costs.
        backOffice().get("/defaults/{id}/transfers", m.defaultId()).then().statusCode(200)
                .body("transferId", equalTo(List.of("D" + m.defaultId() + "-A" + front + "-1",
                        "D" + m.defaultId() + "-A" + back + "-1")));
        member(m.a()).get("/defaults/{id}/transfers", m.defaultId()).then().statusCode(403);

        // Clearing-service books both awards; account-service applies the waterfall. The report has it all: the
        // close-out cost is 999.99 - 50.01 = 949.98, the client lot's auction is still open.
        RiskFeed.transferred("D" + m.defaultId() + "-A" + front + "-1", m.defaultId(), "AUCTION", m.d() + "-H",
                m.b() + "-H", m.date().plusDays(1));
        RiskFeed.transferred("D" + m.defaultId() + "-A" + back + "-1", m.defaultId(), "AUCTION", m.d() + "-H",
                m.b() + "-H", m.date().plusDays(1));
        RiskFeed.waterfallApplied(m.defaultId(), m.d(), "949.98");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> backOffice()
                .get("/defaults/{id}/report", m.defaultId()).then().statusCode(200)
                .body("closeOutCosts", equalTo(List.of(Map.of("currency", "USD",
                        "auctions", new BigDecimal("949.98"), "hedges", new BigDecimal("0.00"),
                        "total", new BigDecimal("949.98")))))
                .body("lots.name", equalTo(List.of("front", "back", "client")))
                .body("lots[0].auctions[0].bids.amount",
                        equalTo(List.of(new BigDecimal("999.99"), new BigDecimal("1000.03"))))
                .body("lots[2].auctions[0].bids", nullValue())
                .body("lots[2].auctions[0].bidsReceived", equalTo(0))
                .body("left.openAuctions", equalTo(1))
                .body("left.transfersAwaitingClearing", equalTo(0))
                .body("left.uncovered", equalTo(new BigDecimal("0.00")))
                .body("waterfall.loss", equalTo(new BigDecimal("949.98")))
                .body("waterfall.entryIds", equalTo(List.of("entry-1")))
                .body("timeline.what", hasItem("default declared")));
        member(m.b()).get("/defaults/{id}/report", m.defaultId()).then().statusCode(403);
    }

    @Test
    void aHedgeIsATradeWithAWillingMemberAtAnAgreedPrice() {
        Market m = defaultedMarket("HE");
        long transfers = db.count("select count(*) from dm_transfer");
        hedge(m, m.d() + "-S", m.f2(), "1.9").then().statusCode(422).body("type", endsWith("/problems/hedge-refused"));
        hedge(m, m.a() + "-H", m.f2(), "1.90000001").then().statusCode(422)
                .body("type", endsWith("/problems/hedge-refused"));
        assertThat(db.count("select count(*) from dm_transfer")).isEqualTo(transfers);

        // A buys 1 F2 from D's house at 1.900: worth 1 x (1.950 - 1.900) x 1,000 = 50.00 to A at settlement.
        hedge(m, m.a() + "-H", m.f2(), "1.900").then().statusCode(201)
                .body("transferId", equalTo("D" + m.defaultId() + "-H1"))
                .body("purpose", equalTo("HEDGE"))
                .body("legs[0].closeOutCost", equalTo(new BigDecimal("50.00")));
        assertThat(instructed(m.d() + "-H").legs()).containsExactly(new TransferLeg(m.f2(), 1,
                new BigDecimal("1.9")));
    }

    /** Members D (declared in default), A and B with house and segregated accounts; D's positions, priced. */
    private Market defaultedMarket(String prefix) {
        String n = RiskFeed.unique("");
        String d = prefix + "D" + n;
        String a = prefix + "A" + n;
        String b = prefix + "B" + n;
        String f1 = prefix + "F" + n;
        String f2 = prefix + "G" + n;
        LocalDate date = LocalDate.of(2190, 1, 1).plusDays(DAY.incrementAndGet());
        for (String member : List.of(d, a, b)) {
            RiskFeed.member(member, null);
            RiskFeed.account(member + "-H", member, "HOUSE");
            RiskFeed.account(member + "-S", member, "CLIENT_SEGREGATED");
        }
        RiskFeed.instrument(f1 + "-1", f1, "USD", "1000", "IDX-" + f1);
        RiskFeed.instrument(f2 + "-1", f2, "USD", "1000", "IDX-" + f2);
        open(d + "-H", d, f1 + "-1", 3, date);
        open(d + "-H", d, f2 + "-1", -2, date);
        open(d + "-S", d, f1 + "-1", 4, date);
        RiskFeed.price(f1 + "-1", date, "2.100", "USD");
        RiskFeed.price(f2 + "-1", date, "1.950", "USD");
        RiskFeed.endOfDayRunCompleted(date, f1 + "-1", "2.100", f2 + "-1", "1.950");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from known_account where member_id in (?, ?, ?)", d, a, b) == 6
                        && db.count("select count(*) from risk_position where member_id = ?", d) == 3
                        && db.count("select count(*) from risk_settlement_price where business_date = ?", date) == 2
                        && db.count("select count(*) from risk_end_of_day_run where business_date = ?", date) == 1);

        long defaultId = risk().body("""
                {"memberId": "%s", "reason": "INSOLVENCY", "detail": "administrators appointed"}""".formatted(d))
                .post("/defaults").then().statusCode(201).extract().jsonPath().getLong("defaultId");
        as(TestTokens.token("second.officer", Set.of("risk"), null)).post("/defaults/{id}/approval", defaultId)
                .then().statusCode(200);
        RiskFeed.memberStatus(d, "DEFAULTED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from known_member where id = ? and status = 'DEFAULTED'", d) == 1);
        return new Market(d, a, b, f1 + "-1", f2 + "-1", date, defaultId);
    }

    private void open(String account, String member, String instrument, long net, LocalDate date) {
        RiskFeed.position(account, member, instrument, net, date, 1);
        opened.add(new String[] {account, member, instrument, date.toString()});
    }

    private static Response offer(Market m, String accountId, String receivingMemberId) {
        return risk().body(offerBody(m, accountId, receivingMemberId)).post("/porting-offers");
    }

    private static String offerBody(Market m, String accountId, String receivingMemberId) {
        return """
                {"defaultId": %d, "accountId": "%s", "receivingMemberId": "%s"}"""
                .formatted(m.defaultId(), accountId, receivingMemberId);
    }

    private static Response hedge(Market m, String counterparty, String instrument, String price) {
        return risk().body("""
                {"defaultId": %d, "accountId": "%s-H", "counterpartyAccountId": "%s", "instrumentId": "%s",
                 "quantity": 1, "price": %s}""".formatted(m.defaultId(), m.d(), counterparty, instrument, price))
                .post("/hedges");
    }

    private static String bid(String accountId, String amount) {
        return "{\"accountId\": \"%s\", \"amount\": %s}".formatted(accountId, amount);
    }

    /** The first transfer instructed from the account. */
    private static PositionTransferInstructed instructed(String fromAccountId) {
        return TopicProbe.readUntil(Topics.RISK, r -> fromAccountId.equals(r.key())
                        && EventCodec.decode(r.value()).is(RiskEvents.POSITION_TRANSFER_INSTRUCTED),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> fromAccountId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> e.is(RiskEvents.POSITION_TRANSFER_INSTRUCTED))
                .map(e -> EventCodec.payload(e, RiskEvents.POSITION_TRANSFER_INSTRUCTED))
                .findFirst().orElseThrow();
    }
}
