package io.computeclearing.account.waterfall;

import io.computeclearing.account.Api;
import io.computeclearing.account.Feeds;
import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the default waterfall tests set up as the other services and the back office would: cash an account owes
 * after the close-out's variation margin, default fund contributions held and required, and the waterfall applied by
 * the risk department.
 */
final class WaterfallFixture {

    /** The business date of the close-out's variation margin. */
    static final LocalDate CLOSE_OUT = LocalDate.parse("2026-12-08");

    private WaterfallFixture() {
    }

    /** The account owes {@code amount}: settlement-service's variation margin debit after the close-out. */
    static void owes(DatabaseProbe db, String account, String member, String currency, String amount) {
        Feeds.awaitApplied(db, Feeds.publish(Feeds.posting("VARIATION_MARGIN", CLOSE_OUT, account, member, currency,
                "-" + amount)));
    }

    /** The member holds {@code amount} in the default fund and, if {@code sizingId} is not null, is required to. */
    static void contributes(DatabaseProbe db, String member, Long sizingId, String amount) {
        Api.backOffice().header("Idempotency-Key", Api.idempotencyKey())
                .body("""
                        {"currency":"USD","amount":%s,"reference":"FED-contribution"}""".formatted(amount))
                .post("/default-fund/{id}/contributions", member).then().statusCode(201);
        if (sizingId != null) {
            Feeds.contributionRequired(db, member, sizingId, amount);
        }
    }

    /** The risk department applies the member's default waterfall. */
    static Response apply(String member) {
        return Api.as(TestTokens.risk()).post("/members/{id}/default-waterfall", member);
    }

    /** The waterfall's loss, what each layer bore in order, and what stayed uncovered. */
    static void assertLayers(JsonPath applied, String loss, String defaulterCollateral, String defaulterContribution,
                             String ccpTranche, String survivorContributions, String survivorAssessments,
                             String uncovered) {
        assertThat(amount(applied, "loss")).isEqualTo(new BigDecimal(loss));
        assertThat(amount(applied, "defaulterCollateral")).isEqualTo(new BigDecimal(defaulterCollateral));
        assertThat(amount(applied, "defaulterContribution")).isEqualTo(new BigDecimal(defaulterContribution));
        assertThat(amount(applied, "ccpTranche")).isEqualTo(new BigDecimal(ccpTranche));
        assertThat(amount(applied, "survivorContributions")).isEqualTo(new BigDecimal(survivorContributions));
        assertThat(amount(applied, "survivorAssessments")).isEqualTo(new BigDecimal(survivorAssessments));
        assertThat(amount(applied, "uncovered")).isEqualTo(new BigDecimal(uncovered));
    }

    /** The member holds {@code held} in the default fund and is called for {@code called} (null: no call). */
    static void assertHeldAndCalled(String member, String held, String called) {
        JsonPath position = Api.backOffice().get("/default-fund/{id}", member).then().statusCode(200).extract()
                .jsonPath();
        assertThat(amount(position, "held")).isEqualTo(new BigDecimal(held));
        assertThat(called == null ? null : amount(position, "outstandingCall.amount"))
                .isEqualTo(called == null ? null : new BigDecimal(called));
    }

    /** The members hold {@code held} in all, and the CCP's fund account is minus that: the fund's books sum to zero. */
    static void assertFundHolds(String held) {
        JsonPath fund = Api.backOffice().get("/default-fund").then().statusCode(200).extract().jsonPath();
        assertThat(amount(fund, "held")).isEqualTo(new BigDecimal(held));
        assertThat(amount(fund, "ccpFundAccount")).isEqualTo(new BigDecimal(held).negate());
    }

    /** Whether the book's USD postings sum to {@code amount}. */
    static boolean bookSumsTo(DatabaseProbe db, String book, String amount) {
        return db.count("select count(*) from (select coalesce(sum(quantity), 0) as total from journal_posting "
                + "where book = ? and asset = 'USD') book where total = ?::numeric", book, amount) == 1;
    }

    /** Whether the member's entry of the kind under the key has the posting. */
    static boolean memberPosted(DatabaseProbe db, String member, String kind, String key, String book,
                                String quantity) {
        return db.count("select count(*) from journal_posting p join journal_entry e on e.id = p.entry_id "
                + "where e.member_id = ? and e.kind = ? and e.idempotency_key = ? and p.book = ? "
                + "and p.quantity = ?::numeric", member, kind, key, book, quantity) == 1;
    }

    static BigDecimal amount(JsonPath json, String path) {
        return json.getObject(path, BigDecimal.class);
    }
}
