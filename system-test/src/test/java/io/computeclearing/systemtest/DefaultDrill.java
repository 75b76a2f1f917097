package io.computeclearing.systemtest;

import io.computeclearing.client.Accounts;
import io.computeclearing.client.BusinessDays;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.Collateral;
import io.computeclearing.client.DefaultFund;
import io.computeclearing.client.Defaults;
import io.computeclearing.client.EndOfDay;
import io.computeclearing.client.MarginCalls;
import io.computeclearing.client.Members;
import io.computeclearing.client.Positions;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.Service;
import io.computeclearing.client.SettlementCycles;
import io.computeclearing.client.Trades;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The fire drill after the month: BRAVO sells a large position it cannot margin, misses the margin call, and the
 * clearing house manages its default to the end with every service running as in production. Its segregated client
 * account is ported to ALPHA while clearing-service and account-service are stopped half way; its house and CNY
 * accounts are auctioned by product family (ALPHA bids); the next end of day settles the close-out; account-service
 * applies the default waterfall; the books reconcile across the services.
 */
final class DefaultDrill {

    /** What BRAVO-H sells ALPHA-H to run out of margin: far beyond its collateral. */
    private static final long LARGE_SALE = 20_000;
    /** The CCP's tranche the stack runs with (account-service's ccp.default-fund.ccp-tranche default). */
    private static final BigDecimal CCP_TRANCHE = new BigDecimal("250000.00");
    /** What the drill's loss assesses ALPHA beyond its whole contribution (at most 1 x it, the default multiple). */
    private static final BigDecimal ASSESSED = new BigDecimal("1000.00");

    private final SystemStack stack;
    private final DayAfterTheMonth day;
    private final ClearingHouse backOffice;
    private final ClearingHouse risk;
    private final ClearingHouse admin;
    private final ClearingHouse alice;
    private final ClearingHouse bob;

    DefaultDrill(SystemStack stack, DayAfterTheMonth day, Http http) {
        this.stack = stack;
        this.day = day;
        this.backOffice = http.as("backoffice");
        this.risk = http.as("risk");
        this.admin = http.as("admin");
        this.alice = http.as("alice");
        this.bob = http.as("bob");
    }

    /** Plays the drill; returns the default case's id. */
    long play() {
        LocalDate next = nextWeekday(day.date);
        backOffice.businessDays().open(next);
        MarginCalls.MarginCall call = bravoMissesAMarginCall(next);
        long defaultId = declared(call);
        portBravoS(defaultId);
        auctionTheRest(defaultId);
        settle(next);
        applyTheWaterfall(defaultId);
        return defaultId;
    }

    /**
     * ALPHA covers itself first (a deposit, and whatever call it has), then BRAVO-H sells 20,000 GH100 to ALPHA-H at the
     * day's settlement price: its requirement far exceeds its collateral, which account-service shows; the risk team
     * runs an intraday settlement cycle at the day's prices and account-service calls it from that snapshot. Nobody
     * pays; account-service's business time passes the deadline and the call escalates.
     */
    private MarginCalls.MarginCall bravoMissesAMarginCall(LocalDate next) {
        backOffice.collateral().depositCash("ALPHA-H", "systest-drill-alpha-h",
                new Collateral.CashMovement("USD", new BigDecimal("50000000.00"), "fire drill: ALPHA stays covered"));
        Trades.BatchResult sale = backOffice.trades().submitBatch(List.of(day.trade("X1", day.gh100(), LARGE_SALE,
                "2.700", "ALPHA-H", "BRAVO-H").report(next)));
        assertThat(sale.accepted()).as(sale.toString()).isEqualTo(1);
        // Between cycles the deficit is shown, not called; the risk team runs an intraday cycle at the day's prices.
        Eventually.until("BRAVO-H's cover shows the deficit the sale opened", () -> backOffice.accounts()
                .cover("BRAVO-H"), cover -> cover.excess().signum() < 0);
        SettlementCycles.Cycle cycle = risk.settlementCycles().run(next,
                new SettlementCycles.Request(List.of(), day.settlementPrices()));
        MarginCalls.MarginCall call = Eventually.until("account-service calls BRAVO-H for margin at the cycle",
                        () -> backOffice.marginCalls().list(MarginCalls.Status.OPEN, "BRAVO-H"), calls -> !calls.isEmpty())
                .getFirst();
        assertThat(call.cycleId()).isEqualTo(cycle.cycleId());
        Accounts.SettlementCycle snapshot = backOffice.accounts().settlementCycles("BRAVO-H").getFirst();
        assertThat(snapshot.cycleId()).isEqualTo(cycle.cycleId());
        assertThat(call.amount()).isEqualByComparingTo(snapshot.excess().negate());
        assertThat(call.requirement()).isEqualByComparingTo(snapshot.requirement());
        // Any other open call is met, so that only BRAVO's escalate when the deadline passes.
        for (MarginCalls.MarginCall other : backOffice.marginCalls().list(MarginCalls.Status.OPEN, null)) {
            if (!other.memberId().equals("BRAVO")) {
                backOffice.collateral().depositCash(other.accountId(), "systest-drill-cover-" + other.id(),
                        new Collateral.CashMovement(other.currency(), other.amount(), "fire drill: meets its call"));
            }
        }
        Eventually.until("only BRAVO has margin calls open", () -> backOffice.marginCalls()
                .list(MarginCalls.Status.OPEN, null), calls -> calls.stream().allMatch(c -> c.memberId().equals("BRAVO")));
        admin.businessTime(Service.ACCOUNT).moveTo(call.deadline().plusSeconds(60), false);
        return Eventually.until("BRAVO-H's margin call escalates at its deadline",
                () -> backOffice.marginCalls().get(call.id()), c -> c.status() == MarginCalls.Status.ESCALATED);
    }

    /**
     * The escalation proposed BRAVO's default (risk-service, reason MISSED_MARGIN_CALL); the risk officer, a person,
     * approves it; account-service marks BRAVO DEFAULTED, clearing-service stops its business, its withdrawals stop.
     */
    private long declared(MarginCalls.MarginCall call) {
        Defaults.DefaultCase proposed = Eventually.until("risk-service proposes BRAVO's default",
                () -> risk.defaults().list(Defaults.Status.PROPOSED, "BRAVO"), cases -> !cases.isEmpty()).getFirst();
        admin.businessTime(Service.ACCOUNT).offset(Duration.ZERO);
        assertThat(proposed.reason()).isEqualTo(Defaults.Reason.MISSED_MARGIN_CALL);
        assertThat(proposed.callId()).isEqualTo(call.id().toString());
        assertThat(proposed.proposedBy()).isEqualTo("risk-service");
        ProblemException bobReads = catchThrowableOfType(ProblemException.class,
                () -> bob.defaults().get(proposed.defaultId()));
        assertThat(bobReads.status()).isEqualTo(403);

        Defaults.DefaultCase approved = risk.defaults().approve(proposed.defaultId());
        assertThat(approved.status()).isEqualTo(Defaults.Status.DECLARED);
        assertThat(approved.decidedBy()).isEqualTo("risk");
        Eventually.until("account-service marks BRAVO DEFAULTED", () -> backOffice.members().get("BRAVO").status(),
                Members.Status.DEFAULTED::equals);
        Eventually.until("clearing-service learns that BRAVO-H takes no business",
                () -> backOffice.accountDirectory(Service.CLEARING).get("BRAVO-H"),
                account -> !account.acceptsBusiness());
        ProblemException withdrawal = catchThrowableOfType(ProblemException.class,
                () -> backOffice.collateral().withdrawCash("BRAVO-H", "systest-after-default",
                        new Collateral.CashMovement("USD", new BigDecimal("1.00"), "after the default")));
        assertThat(withdrawal.status()).isEqualTo(409);
        assertThat(withdrawal.problem().type()).endsWith("/problems/member-defaulted");
        return proposed.defaultId();
    }

    /**
     * BRAVO-S (long 6 GH100, short 6 GB200) is offered to ALPHA, which opens a segregated account for it. ALPHA accepts
     * while clearing-service and account-service are down: the instruction waits in Kafka. Clearing-service comes back
     * and books the positions at the last settlement prices; account-service comes back and moves the client's
     * collateral. Nothing is lost, nothing is done twice.
     */
    private void portBravoS(long defaultId) {
        backOffice.accounts().open(new Accounts.NewAccount("ALPHA-S", "ALPHA", Accounts.Type.CLIENT_SEGREGATED, "USD"));
        for (Service service : List.of(Service.CLEARING, Service.RISK)) {
            Eventually.until(service + " knows ALPHA-S", () -> backOffice.accountDirectory(service).list("ALPHA"),
                    accounts -> accounts.stream().anyMatch(a -> a.id().equals("ALPHA-S") && a.acceptsBusiness()));
        }
        Map<String, BigDecimal> clientCollateral = holdings("BRAVO-S");

        Defaults.PortingOffer offer = risk.defaults().offer(defaultId, "BRAVO-S", "ALPHA", 60);
        assertThat(offer.status()).isEqualTo("OPEN");
        assertThat(offer.positions()).extracting(Defaults.OpenPosition::instrumentId)
                .containsExactlyInAnyOrder(day.gh100(), day.gb200());
        assertThat(bob.defaults().offers(null)).as("bob sees no offer made to ALPHA").isEmpty();

        stack.stopService("clearing-service");
        stack.stopService("account-service");
        Defaults.PortingOffer accepted = alice.defaults().accept(offer.offerId(), "ALPHA-S");
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(accepted.transfer().legs()).extracting(Defaults.TransferLeg::instrumentId,
                        Defaults.TransferLeg::quantity, Defaults.TransferLeg::price)
                .containsExactlyInAnyOrder(
                        tuple(day.gb200(), -6L, new BigDecimal("5.2")),
                        tuple(day.gh100(), 6L, new BigDecimal("2.7")));

        stack.startService("clearing-service");
        Eventually.until("the porting is booked once clearing-service is back",
                () -> risk.defaults().offer(offer.offerId()).status(), "PORTED"::equals);
        assertThat(net("BRAVO-S", day.gh100())).isZero();
        assertThat(net("ALPHA-S", day.gh100())).isEqualTo(6);
        assertThat(net("ALPHA-S", day.gb200())).isEqualTo(-6);

        stack.startService("account-service");
        Map<String, BigDecimal> ported = Eventually.until("the client's collateral moves once account-service is back",
                () -> holdings("ALPHA-S"), held -> held.equals(clientCollateral));
        assertThat(ported).isEqualTo(clientCollateral);
        assertThat(holdings("BRAVO-S")).as("nothing left behind on BRAVO-S").isEmpty();
        assertThat(bookSum("CCP_PORTING")).as("the porting transit book nets to zero").isEmpty();
    }

    /**
     * What BRAVO still holds (its house GH100 and GB200, its CNY account's TKFRC) is lotted by family and auctioned;
     * ALPHA bids on each lot, bob is not invited; after the deadline each lot goes to ALPHA at prices that realise its
     * bid. The GH100 bid is large enough to take BRAVO's collateral, its contribution, the CCP's tranche, the survivor's
     * whole contribution and an assessment.
     */
    private void auctionTheRest(long defaultId) {
        Instant deadline = risk.businessTime(Service.RISK).get().now().plusSeconds(8);
        List<Defaults.Auction> opened = risk.defaults().openAuctions(defaultId, deadline, null);
        assertThat(opened).extracting(Defaults.Auction::lot).containsExactly("GB200", "GH100", "TKFRC");
        assertThat(bob.defaults().auctions(null)).as("bob is not invited").isEmpty();
        Map<String, BigDecimal> bids = Map.of("GB200", new BigDecimal("-100.00"), "GH100", ghBid(),
                "TKFRC", new BigDecimal("50.00"));
        for (Defaults.Auction auction : opened) {
            alice.defaults().bid(auction.auctionId(), "ALPHA-H", bids.get(auction.lot()));
        }
        Eventually.until("the auctions' deadline passes", Duration.ofSeconds(30),
                () -> risk.businessTime(Service.RISK).get().now(), now -> now.isAfter(deadline));
        for (Defaults.Auction auction : opened) {
            Defaults.Auction closed = risk.defaults().close(auction.auctionId());
            assertThat(closed.status()).isEqualTo("AWARDED");
            assertThat(closed.winningBid().memberId()).isEqualTo("ALPHA");
            BigDecimal cost = closed.transfers().stream().flatMap(t -> t.legs().stream())
                    .map(Defaults.TransferLeg::closeOutCost).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(cost).as("lot " + auction.lot() + " realises the bid").isEqualByComparingTo(bids.get(auction.lot()));
        }
        Eventually.until("clearing-service books every award", () -> risk.defaults().transfers(defaultId),
                transfers -> transfers.stream().allMatch(t -> t.status().equals("BOOKED")));
        for (String account : List.of("BRAVO-H", "BRAVO-CN")) {
            assertThat(backOffice.positions().list(Positions.Filter.account(account)))
                    .as(account + " holds nothing").allSatisfy(p -> assertThat(p.netQuantity()).isZero());
        }
    }

    /** The next day settles at the same prices: the close-out's cost is what BRAVO-H and BRAVO-CN pay ALPHA-H. */
    private void settle(LocalDate next) {
        backOffice.settlementPrices().publish(next, day.settlementPrices());
        BusinessDays.BusinessDay closed = backOffice.businessDays().close(next);
        assertThat(closed.status()).isEqualTo(BusinessDays.Status.CLOSED);
        EndOfDay.Run run = Eventually.until("the end of day of " + next + " runs", () -> {
            try {
                return backOffice.endOfDay().run(next).value();
            } catch (ProblemException refused) {
                return null;
            }
        }, r -> r != null);
        run.totals().forEach(total -> assertThat(total.net()).as(total.toString()).isZero());
        long postings = run.postings().stream().filter(p -> p.amount().signum() != 0).count();
        Eventually.until("account-service books the " + postings + " postings of " + next,
                () -> query("select 'booked', count(*) from settlement_posting where business_date = date '" + next
                        + "' and amount <> 0").get("booked"), booked -> booked.longValue() == postings);
        for (String account : List.of("BRAVO-H", "BRAVO-CN")) {
            Eventually.until("margin-service finds nothing to margin on " + account,
                    () -> backOffice.accounts().marginRequirement(account).requirements(),
                    lines -> lines.stream().allMatch(l -> l.initialMargin().signum() == 0));
        }
    }

    /**
     * The waterfall: BRAVO's collateral, its contribution, the CCP's tranche, ALPHA's contribution and an assessment,
     * each posting in account-service's journal; what BRAVO owed in USD is covered; ALPHA is called to replenish.
     */
    private void applyTheWaterfall(long defaultId) {
        BigDecimal alphaHeld = backOffice.defaultFund().position("ALPHA").held();
        DefaultFund.Waterfall waterfall = risk.defaultFund().applyWaterfall("BRAVO");
        assertThat(waterfall.defaultId()).isEqualTo(defaultId);
        assertThat(waterfall.loss()).as(waterfall.toString()).isPositive();
        assertThat(waterfall.defaulterCollateral().add(waterfall.defaulterContribution()).add(waterfall.ccpTranche())
                .add(waterfall.survivorContributions()).add(waterfall.survivorAssessments()).add(waterfall.uncovered()))
                .as("the layers and what is uncovered add up to the loss").isEqualByComparingTo(waterfall.loss());
        // ALPHA, the only survivor, bears its whole contribution and is assessed 1,000.00 beyond it.
        assertThat(waterfall.survivors()).as(waterfall.toString()).singleElement().satisfies(alpha -> {
            assertThat(alpha.memberId()).isEqualTo("ALPHA");
            assertThat(alpha.fromContribution()).isEqualByComparingTo(alphaHeld);
            assertThat(alpha.assessed()).isEqualByComparingTo(ASSESSED);
        });
        assertThat(waterfall.ccpTranche()).isEqualByComparingTo(CCP_TRANCHE);
        assertThat(waterfall.uncovered()).as(waterfall.toString()).isZero();
        assertThat(balance("BRAVO-H", "USD")).as("BRAVO-H owes nothing any more").isZero();
        assertThat(bookSum("CCP_DEFAULT_LOSS")).as("the loss transit book nets to zero").isEmpty();
        // ALPHA holds -1,000.00 in the fund: it is called for its requirement and the assessment.
        DefaultFund.Position alpha = backOffice.defaultFund().position("ALPHA");
        assertThat(alpha.held()).isEqualByComparingTo(ASSESSED.negate());
        DefaultFund.ContributionCall replenish = Eventually.until("ALPHA is called to replenish the fund",
                () -> backOffice.defaultFund().calls("ALPHA"), calls -> calls.stream()
                        .anyMatch(c -> c.status().equals("OPEN"))).getFirst();
        assertThat(replenish.amount()).isEqualByComparingTo(alpha.required().add(ASSESSED));
        Defaults.Report report = Eventually.until("the default report has the waterfall",
                () -> risk.defaults().report(defaultId), r -> r.waterfall() != null);
        assertThat(report.left().openPositions()).isEmpty();
        assertThat(report.left().transfersAwaitingClearing()).isZero();
        assertThat(report.transfers()).hasSize(4);
        assertThat(report.closeOutCosts()).extracting(Defaults.CloseOutCost::currency).containsExactly("CNY", "USD");
    }

    /**
     * ALPHA's bid for the GH100 lot: what BRAVO-H holds in USD, its default fund contribution, the CCP's tranche,
     * ALPHA's own contribution and 1,000.00 more (the GB200 lot gives BRAVO-H 100.00 back).
     */
    private BigDecimal ghBid() {
        BigDecimal house = holdings("BRAVO-H").getOrDefault("USD", BigDecimal.ZERO);
        DefaultFund.Position bravo = backOffice.defaultFund().position("BRAVO");
        DefaultFund.Position alpha = backOffice.defaultFund().position("ALPHA");
        return house.add(bravo.held()).add(CCP_TRANCHE)
                .add(alpha.held()).add(ASSESSED).add(new BigDecimal("100.00"));
    }

    private long net(String account, String instrument) {
        return net(backOffice, account, instrument);
    }

    /** The account's net position in the instrument, summed over its position lines, as {@code house} reads it. */
    static long net(ClearingHouse house, String account, String instrument) {
        return house.positions().list(Positions.Filter.account(account).andInstrument(instrument)).stream()
                .mapToLong(Positions.Position::netQuantity).sum();
    }

    /** The account's non-zero holdings by asset (cash by currency, securities by id). */
    private Map<String, BigDecimal> holdings(String account) {
        Map<String, BigDecimal> held = new TreeMap<>();
        for (Accounts.Holding holding : backOffice.accounts().balances(account).holdings()) {
            if (holding.quantity().signum() != 0) {
                held.put(holding.asset(), holding.quantity().stripTrailingZeros());
            }
        }
        return held;
    }

    private static BigDecimal balance(String account, String currency) {
        return query("select coalesce(sum(quantity), 0) from journal_posting where book = 'MEMBER_COLLATERAL' "
                + "and account_id = '" + account + "' and asset = '" + currency + "'").values().stream().findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** The non-zero sums per asset of a CCP book in account-service's journal. */
    static Map<String, BigDecimal> bookSum(String book) {
        Map<String, BigDecimal> sums = query("select asset, sum(quantity) from journal_posting where book = '" + book
                + "' group by asset");
        sums.values().removeIf(sum -> sum.signum() == 0);
        return sums;
    }

    private static Map<String, BigDecimal> query(String sql) {
        Map<String, BigDecimal> rows = new TreeMap<>();
        try (Connection account = SystemStack.database("account"); Statement statement = account.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                rows.put(columns == 1 ? "value" : result.getString(1), result.getBigDecimal(columns));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read account-service's journal: " + e.getMessage(), e);
        }
        return rows;
    }

    private static LocalDate nextWeekday(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
