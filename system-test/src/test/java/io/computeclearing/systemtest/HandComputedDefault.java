package io.computeclearing.systemtest;

import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.DefaultFund;
import io.computeclearing.client.Defaults;
import io.computeclearing.client.EndOfDay;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.SettlementPrices;
import io.computeclearing.localstack.FireDrill;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo's fire drill ({@link FireDrill}: CHARLIE defaults with a house and a segregated client account, the client
 * is ported to DELTA, the house auctioned in two lots at prices away from settlement) played after BRAVO's, and every
 * amount it moves checked against the figures worked out by hand below. BRAVO's waterfall drew the CCP's whole
 * tranche and left ALPHA owing its assessment, so CHARLIE's loss goes from its own collateral and contribution
 * straight to DELTA's and ECHO's contributions, the only ones held.
 */
final class HandComputedDefault {

    private final ClearingHouse backOffice;
    private final ClearingHouse risk;
    private final ClearingHouse carol;
    private final ClearingHouse dave;
    private final ClearingHouse erin;
    private final FireDrill drill;

    HandComputedDefault(DayAfterTheMonth day, Http http) {
        this.backOffice = http.as("backoffice");
        this.risk = http.as("risk");
        this.carol = http.as("carol");
        this.dave = http.as("dave");
        this.erin = http.as("erin");
        // ALPHA still holds the CNY token futures it won at BRAVO's auction: they settle at the same price.
        this.drill = new FireDrill(Map.of("backoffice", backOffice, "risk", risk, "admin", http.as("admin"),
                "dave", dave, "erin", erin),
                List.of(new SettlementPrices.NewPrice(day.tkfrc(), new BigDecimal("55.50"))));
    }

    FireDrill.Outcome playAndCheck() {
        FireDrill.Outcome outcome = drill.play();
        String gh100 = outcome.instruments().get("GH100");
        String gb200 = outcome.instruments().get("GB200");

        // Day 1 settles at GH100 2.650 and GB200 5.250 (1,000 GPU-hours a contract):
        //   CHARLIE-H long 10 GH100 bought at 2.700: 10 x (2.650 - 2.700) x 1,000 = -500.00,
        //             short 8 GB200 sold at 5.200: -8 x (5.250 - 5.200) x 1,000 = -400.00; in all -900.00
        //   CHARLIE-S long 4 GH100 bought at 2.700: -200.00; DELTA-H short 10 GH100: +500.00
        //   ECHO-H long 8 GB200: +400.00, short 4 GH100: +200.00; in all +600.00 (the four sum to zero)
        assertThat(paidBy(outcome.firstDay())).isEqualTo(Map.of("CHARLIE-H", money("-900.00"),
                "CHARLIE-S", money("-200.00"), "DELTA-H", money("500.00"), "ECHO-H", money("600.00")));

        Defaults.DefaultCase declared = outcome.defaultCase();
        assertThat(declared.reason()).isEqualTo(Defaults.Reason.INSOLVENCY);
        assertThat(declared.proposedBy()).isEqualTo("risk");
        assertThat(declared.decidedBy()).isEqualTo("admin");

        // CHARLIE-S moves to DELTA-S at the last settlement price with its cash: 15,000.00 - 200.00 = 14,800.00.
        assertThat(outcome.porting().status()).isEqualTo("PORTED");
        assertThat(outcome.porting().transfer().legs()).extracting(Defaults.TransferLeg::instrumentId,
                Defaults.TransferLeg::quantity, l -> price(l.price()))
                .containsExactly(tuple(gh100, 4L, price("2.650")));
        assertThat(cash("DELTA-S")).isEqualByComparingTo("14800.00");
        assertThat(backOffice.accounts().balances("CHARLIE-S").holdings())
                .allSatisfy(h -> assertThat(h.quantity()).isZero());

        // Two lots. GH100 (long 10): ECHO 60,000.00 beats DELTA 75,000.00; ECHO takes the 10 at
        // 2.650 - 60,000.00 / (10 x 1,000) = -3.350. GB200 (short 8): DELTA 20,000.00 beats ECHO 25,000.00; DELTA
        // takes the short 8 at 5.250 + 20,000.00 / (8 x 1,000) = 7.750.
        assertThat(outcome.auctions()).extracting(Defaults.Auction::lot, a -> a.winningBid().memberId(),
                        a -> cents(a.winningBid().amount()))
                .containsExactly(tuple("GB200", "DELTA", money("20000.00")), tuple("GH100", "ECHO", money("60000.00")));
        assertThat(outcome.auctions()).flatExtracting(a -> a.transfers().getFirst().legs())
                .extracting(Defaults.TransferLeg::instrumentId, Defaults.TransferLeg::quantity,
                        l -> price(l.price()), l -> cents(l.closeOutCost()))
                .containsExactly(tuple(gb200, -8L, price("7.750"), money("20000.00")),
                        tuple(gh100, 10L, price("-3.350"), money("60000.00")));
        Defaults.Auction seenByErin = erin.defaults().auction(outcome.auctions().getFirst().auctionId());
        assertThat(seenByErin.bids()).as("erin never sees DELTA's bid").isNull();
        assertThat(seenByErin.yourBid().amount()).isEqualByComparingTo("25000.00");
        assertThat(seenByErin.won()).isFalse();

        // Day 2 settles at the same prices: only the transfers move cash. CHARLIE-H pays 60,000.00 + 20,000.00.
        assertThat(paidBy(outcome.closeOut())).isEqualTo(Map.of("CHARLIE-H", money("-80000.00"),
                "DELTA-H", money("20000.00"), "ECHO-H", money("60000.00")));
        assertThat(net("CHARLIE-H", gh100) + net("CHARLIE-H", gb200) + net("CHARLIE-S", gh100)).isZero();
        assertThat(net("DELTA-S", gh100)).isEqualTo(4);
        assertThat(net("DELTA-H", gh100)).isEqualTo(-10);
        assertThat(net("DELTA-H", gb200)).isEqualTo(-8);
        assertThat(net("ECHO-H", gh100)).isEqualTo(-4 + 10);
        assertThat(net("ECHO-H", gb200)).isEqualTo(8);

        // The waterfall. CHARLIE-H held 40,000.00 - 900.00 = 39,100.00 at the default and owes 39,100.00 - 80,000.00 =
        // -40,900.00: loss 80,000.00 = its collateral 39,100.00 + its contribution 10,000.00 + the tranche 0.00 (BRAVO's
        // default drew all of it) + 30,900.00 from the survivors pro rata to 30,000.00 and 50,000.00:
        // DELTA 30,900.00 x 3/8 = 11,587.50, ECHO 30,900.00 x 5/8 = 19,312.50. ALPHA holds -1,000.00: no share.
        DefaultFund.Waterfall waterfall = outcome.waterfall();
        assertThat(List.of(waterfall.loss(), waterfall.defaulterCollateral(), waterfall.defaulterContribution(),
                waterfall.ccpTranche(), waterfall.survivorContributions(), waterfall.survivorAssessments(),
                waterfall.uncovered()).stream().map(HandComputedDefault::cents).toList()).as(waterfall.toString()).containsExactly(money("80000.00"), money("39100.00"),
                money("10000.00"), money("0.00"), money("30900.00"), money("0.00"), money("0.00"));
        assertThat(waterfall.survivors()).extracting(DefaultFund.SurvivorShare::memberId,
                        s -> cents(s.fromContribution()), s -> cents(s.assessed()))
                .containsExactly(tuple("DELTA", money("11587.50"), money("0.00")),
                        tuple("ECHO", money("19312.50"), money("0.00")));
        assertThat(backOffice.defaultFund().position("CHARLIE").held()).isEqualByComparingTo("0.00");
        assertThat(backOffice.defaultFund().position("DELTA").held()).isEqualByComparingTo("18412.50");
        assertThat(backOffice.defaultFund().position("ECHO").held()).isEqualByComparingTo("30687.50");
        assertThat(cash("CHARLIE-H")).as("CHARLIE-H owes nothing any more").isZero();
        // risk-service reports the tranche as account-service drew it: all of it by BRAVO's default.
        DefaultFund.Status fund = risk.defaultFund().status();
        assertThat(List.of(fund.ccpTranche(), fund.ccpTrancheDrawn(), fund.ccpTrancheLeft()))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(money("250000.00"), money("250000.00"), money("0.00"));
        assertThat(DefaultDrill.bookSum("CCP_DEFAULT_LOSS")).as("the loss transit book nets to zero").isEmpty();

        // The defaulter's user reads its waterfall; another member's answers as if there were none.
        assertThat(carol.defaultFund().waterfall("CHARLIE").loss()).isEqualByComparingTo("80000.00");
        ProblemException daveReads = catchThrowableOfType(ProblemException.class,
                () -> dave.defaultFund().waterfall("CHARLIE"));
        assertThat(daveReads.status()).isEqualTo(404);

        Defaults.Report report = outcome.report();
        assertThat(report.left().openPositions()).isEmpty();
        assertThat(report.transfers()).extracting(Defaults.Transfer::purpose)
                .containsExactlyInAnyOrder("PORTING", "AUCTION", "AUCTION");
        assertThat(report.closeOutCosts()).extracting(Defaults.CloseOutCost::currency,
                c -> cents(c.auctions()), c -> cents(c.total()))
                .containsExactly(tuple("USD", money("80000.00"), money("80000.00")));
        return outcome;
    }

    /** {@link FireDrill#paidBy}, at the cent. */
    private static Map<String, BigDecimal> paidBy(EndOfDay.Run run) {
        Map<String, BigDecimal> paid = new TreeMap<>(FireDrill.paidBy(run));
        paid.replaceAll((account, amount) -> cents(amount));
        return paid;
    }

    private BigDecimal cash(String account) {
        return FireDrill.cash(backOffice, account);
    }

    private long net(String account, String instrument) {
        return DefaultDrill.net(backOffice, account, instrument);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** An amount at the cent, whatever scale the service wrote it with (more decimals than cents fail). */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2);
    }

    /** A price without trailing zeros, as the services write them. */
    private static BigDecimal price(BigDecimal price) {
        return price.stripTrailingZeros();
    }

    private static BigDecimal price(String price) {
        return price(new BigDecimal(price));
    }
}
