package io.computeclearing.localstack;

import io.computeclearing.client.Accounts;
import io.computeclearing.client.BusinessDays;
import io.computeclearing.client.Catalogue;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.Collateral;
import io.computeclearing.client.DefaultFund;
import io.computeclearing.client.Defaults;
import io.computeclearing.client.EndOfDay;
import io.computeclearing.client.Members;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.Service;
import io.computeclearing.client.SettlementPrices;
import io.computeclearing.client.Trades;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The default fire drill on three members of its own, every amount round enough to follow by hand; the demo plays it
 * after its month and the system test plays it after its own drill, checking every amount.
 * <p>
 * CHARLIE clears for its house (CHARLIE-H, USD 40,000.00 deposited) and one segregated client (CHARLIE-S, USD
 * 15,000.00); DELTA and ECHO hold USD 1,000,000.00 each in their house accounts. Into the default fund CHARLIE pays
 * 10,000.00, DELTA 30,000.00, ECHO 50,000.00. On the first day CHARLIE-H buys 10 GH100 from DELTA-H at 2.700 and sells
 * 8 GB200 to ECHO-H at 5.200, CHARLIE-S buys 4 GH100 from ECHO-H at 2.700 (contracts of 1,000 GPU-hours); the day
 * settles at GH100 2.650 and GB200 5.250: CHARLIE-H pays 500.00 + 400.00 and holds 39,100.00, CHARLIE-S pays 200.00 and
 * holds 14,800.00. On the second day CHARLIE is declared in default (insolvency, four eyes); CHARLIE-S is ported to
 * DELTA-S at 2.650 with its 14,800.00; the house is auctioned in two lots (by family). ECHO bids 60,000.00 for the
 * GH100 lot, DELTA 75,000.00; DELTA bids 20,000.00 for the GB200 lot, ECHO 25,000.00: ECHO takes the long 10 GH100 at
 * 2.650 - 60,000.00 / 10,000 = -3.350 and DELTA the short 8 GB200 at 5.250 + 20,000.00 / 8,000 = 7.750. The day settles
 * at the same prices: CHARLIE-H pays the 80,000.00 close-out and owes 40,900.00. The waterfall: CHARLIE's house cash at
 * the default (39,100.00), its contribution (10,000.00), what is left of the CCP's tranche, then DELTA and ECHO pro rata
 * to their 30,000.00 and 50,000.00 (with no tranche left: 30,900.00 shared 11,587.50 and 19,312.50).
 */
public final class FireDrill {

    public static final String DEFAULTER = "CHARLIE";
    public static final String PORTING_MEMBER = "DELTA";
    public static final String BIDDER = "ECHO";
    /** The realm users of the three members (every demo user's password is its name). */
    public static final Map<String, String> USERS = Map.of(DEFAULTER, "carol", PORTING_MEMBER, "dave", BIDDER, "erin");
    /** The three members' legal entity identifiers (ISO 17442 check digits). */
    static final Map<String, String> LEIS = Map.of(DEFAULTER, "549300CHARLIEFUNDS96",
            PORTING_MEMBER, "549300DELTACOMPUTE65", BIDDER, "549300ECHOTOKENSCO88");

    private static final String GH100 = "GH100";
    private static final String GB200 = "GB200";
    private static final BigDecimal GH100_PRICE = new BigDecimal("2.650");
    private static final BigDecimal GB200_PRICE = new BigDecimal("5.250");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What the drill did, as the services answered. */
    public record Outcome(Map<String, String> instruments, EndOfDay.Run firstDay, Defaults.DefaultCase defaultCase,
                          Defaults.PortingOffer porting, List<Defaults.Auction> auctions, EndOfDay.Run closeOut,
                          DefaultFund.Waterfall waterfall, Defaults.Report report) {
    }

    private final ClearingHouse backOffice;
    private final ClearingHouse risk;
    private final ClearingHouse admin;
    private final ClearingHouse dave;
    private final ClearingHouse erin;
    private final List<SettlementPrices.NewPrice> otherPrices;

    /**
     * @param users a realm user's clearing house by user name: backoffice, risk, admin, dave and erin
     * @param otherPrices settlement prices of other instruments still open on the drill's days, published with its own
     */
    public FireDrill(Map<String, ClearingHouse> users, List<SettlementPrices.NewPrice> otherPrices) {
        this.backOffice = users.get("backoffice");
        this.risk = users.get("risk");
        this.admin = users.get("admin");
        this.dave = users.get(USERS.get(PORTING_MEMBER));
        this.erin = users.get(USERS.get(BIDDER));
        this.otherPrices = List.copyOf(otherPrices);
    }

    /**
     * Plays the drill over the first two weekdays after the last business day clearing-service knows; throws when a
     * step does not happen.
     */
    public Outcome play() {
        LocalDate last = backOffice.businessDays().list(null).stream().map(BusinessDays.BusinessDay::date)
                .max(LocalDate::compareTo).orElseThrow(() -> new IllegalStateException("no business day yet"));
        LocalDate first = weekdayFrom(last.plusDays(1));
        LocalDate second = weekdayFrom(first.plusDays(1));
        Map<String, String> instruments = contractMonthsTradingAfter(second);
        onboard();
        backOffice.businessDays().open(first);
        trade(first, instruments);
        EndOfDay.Run firstDay = settle(first, instruments);

        backOffice.businessDays().open(second);
        Defaults.DefaultCase declared = declare();
        Defaults.PortingOffer ported = port(declared.defaultId());
        List<Defaults.Auction> auctions = auction(declared.defaultId());
        EndOfDay.Run closeOut = settle(second, instruments);
        for (String account : List.of(DEFAULTER + "-H", DEFAULTER + "-S")) {
            await("margin-service requires nothing of " + account, () -> backOffice.accounts()
                    .marginRequirement(account).requirements(), lines -> lines.stream()
                    .allMatch(l -> l.initialMargin().signum() == 0));
        }
        DefaultFund.Waterfall waterfall = risk.defaultFund().applyWaterfall(DEFAULTER);
        Defaults.Report report = await("the default report shows the waterfall",
                () -> risk.defaults().report(declared.defaultId()), r -> r.waterfall() != null);
        return new Outcome(instruments, firstDay, declared, ported, auctions, closeOut, waterfall, report);
    }

    /** The three members, their accounts, cash and default fund contributions (replays change nothing). */
    private void onboard() {
        register(DEFAULTER, "Charlie Funds plc");
        register(PORTING_MEMBER, "Delta Compute AG");
        register(BIDDER, "Echo Tokens Co");
        open(DEFAULTER + "-H", DEFAULTER, Accounts.Type.HOUSE);
        open(DEFAULTER + "-S", DEFAULTER, Accounts.Type.CLIENT_SEGREGATED);
        open(PORTING_MEMBER + "-H", PORTING_MEMBER, Accounts.Type.HOUSE);
        open(PORTING_MEMBER + "-S", PORTING_MEMBER, Accounts.Type.CLIENT_SEGREGATED);
        open(BIDDER + "-H", BIDDER, Accounts.Type.HOUSE);
        deposit(DEFAULTER + "-H", "40000.00");
        deposit(DEFAULTER + "-S", "15000.00");
        deposit(PORTING_MEMBER + "-H", "1000000.00");
        deposit(BIDDER + "-H", "1000000.00");
        contribute(DEFAULTER, "10000.00");
        contribute(PORTING_MEMBER, "30000.00");
        contribute(BIDDER, "50000.00");
        for (Service service : List.of(Service.CLEARING, Service.RISK)) {
            for (String member : List.of(DEFAULTER, PORTING_MEMBER, BIDDER)) {
                await(service + " knows " + member + "'s accounts", () -> backOffice.accountDirectory(service)
                        .list(member), accounts -> accounts.stream().filter(a -> a.acceptsBusiness()).count()
                        == (member.equals(BIDDER) ? 1 : 2));
            }
        }
    }

    private void trade(LocalDate day, Map<String, String> instruments) {
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        String prefix = "DRILL-" + day + "-";
        Trades.BatchResult result = backOffice.trades().submitBatch(List.of(
                new Trades.TradeReport(prefix + "1", instruments.get(GH100), 10, new BigDecimal("2.700"),
                        DEFAULTER + "-H", PORTING_MEMBER + "-H", at, day),
                new Trades.TradeReport(prefix + "2", instruments.get(GB200), 8, new BigDecimal("5.200"),
                        BIDDER + "-H", DEFAULTER + "-H", at, day),
                new Trades.TradeReport(prefix + "3", instruments.get(GH100), 4, new BigDecimal("2.700"),
                        DEFAULTER + "-S", BIDDER + "-H", at, day)));
        if (result.accepted() != 3) {
            throw new IllegalStateException("the drill's three trades were not all accepted: " + result);
        }
    }

    /** Closes the day, publishes its prices, runs its end of day and waits until account-service booked the cash. */
    private EndOfDay.Run settle(LocalDate day, Map<String, String> instruments) {
        List<String> accounts = List.of(DEFAULTER + "-H", PORTING_MEMBER + "-H", BIDDER + "-H");
        Map<String, BigDecimal> before = new TreeMap<>();
        accounts.forEach(account -> before.put(account, cash(backOffice, account)));
        backOffice.businessDays().close(day);
        List<SettlementPrices.NewPrice> prices = new ArrayList<>(otherPrices);
        prices.add(new SettlementPrices.NewPrice(instruments.get(GH100), GH100_PRICE));
        prices.add(new SettlementPrices.NewPrice(instruments.get(GB200), GB200_PRICE));
        backOffice.settlementPrices().publish(day, prices);
        EndOfDay.Run run = await("the end of day of " + day + " runs", () -> {
            try {
                return backOffice.endOfDay().run(day).value();
            } catch (ProblemException notYet) {
                return null;
            }
        }, r -> r != null);
        Map<String, BigDecimal> paid = paidBy(run);
        for (String account : accounts) {
            BigDecimal after = before.get(account).add(paid.getOrDefault(account, BigDecimal.ZERO));
            await("account-service books " + account + "'s cash of " + day, () -> cash(backOffice, account),
                    held -> held.compareTo(after) == 0);
        }
        return run;
    }

    /** The non-zero cash each account of the drill's three members paid (-) or received in the run, by account. */
    public static Map<String, BigDecimal> paidBy(EndOfDay.Run run) {
        Map<String, BigDecimal> paid = new TreeMap<>();
        run.postings().stream().filter(p -> USERS.containsKey(p.memberId()))
                .forEach(p -> paid.merge(p.accountId(), p.amount(), BigDecimal::add));
        paid.values().removeIf(amount -> amount.signum() == 0);
        return paid;
    }

    /** The account's USD cash in account-service's ledger, as {@code house} reads it. */
    public static BigDecimal cash(ClearingHouse house, String account) {
        return house.accounts().balances(account).holdings().stream().filter(h -> h.asset().equals("USD"))
                .map(Accounts.Holding::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The risk officer proposes CHARLIE's default for insolvency; the admin, a second person, approves it. */
    private Defaults.DefaultCase declare() {
        Defaults.DefaultCase proposed = risk.defaults().propose(DEFAULTER, Defaults.Reason.INSOLVENCY,
                "fire drill: Charlie Funds plc files for insolvency");
        Defaults.DefaultCase declared = admin.defaults().approve(proposed.defaultId());
        await("account-service marks " + DEFAULTER + " DEFAULTED", () -> backOffice.members().get(DEFAULTER)
                .status(), Members.Status.DEFAULTED::equals);
        await("clearing-service takes no business from " + DEFAULTER + "-H", () -> backOffice
                .accountDirectory(Service.CLEARING).get(DEFAULTER + "-H"), account -> !account.acceptsBusiness());
        return declared;
    }

    /** CHARLIE-S goes to DELTA, which accepts into DELTA-S; positions and collateral move. */
    private Defaults.PortingOffer port(long defaultId) {
        await("risk-service knows the defaulter's three positions", () -> risk.defaults().report(defaultId).left()
                .openPositions(), open -> open.size() == 3);
        Defaults.PortingOffer offer = risk.defaults().offer(defaultId, DEFAULTER + "-S", PORTING_MEMBER, 60);
        dave.defaults().accept(offer.offerId(), PORTING_MEMBER + "-S");
        Defaults.PortingOffer ported = await("the client is ported", () -> risk.defaults().offer(offer.offerId()),
                o -> o.status().equals("PORTED"));
        await("account-service moves the client's collateral", () -> backOffice.accounts()
                .balances(DEFAULTER + "-S").holdings(), held -> held.stream().allMatch(h -> h.quantity().signum() == 0));
        return ported;
    }

    /**
     * The house, lotted by family, auctioned to the survivors: DELTA and ECHO bid on both lots; each lot goes to the
     * lowest bid and is booked.
     */
    private List<Defaults.Auction> auction(long defaultId) {
        Instant deadline = risk.businessTime(Service.RISK).get().now().plusSeconds(6);
        List<Defaults.Auction> opened = risk.defaults().openAuctions(defaultId, deadline, null);
        Map<String, BigDecimal> delta = Map.of(GH100, new BigDecimal("75000.00"), GB200, new BigDecimal("20000.00"));
        Map<String, BigDecimal> echo = Map.of(GH100, new BigDecimal("60000.00"), GB200, new BigDecimal("25000.00"));
        for (Defaults.Auction auction : opened) {
            dave.defaults().bid(auction.auctionId(), PORTING_MEMBER + "-H", delta.get(auction.lot()));
            erin.defaults().bid(auction.auctionId(), BIDDER + "-H", echo.get(auction.lot()));
        }
        await("the auctions' deadline passes", () -> risk.businessTime(Service.RISK).get().now(),
                now -> now.isAfter(deadline));
        List<Defaults.Auction> closed = opened.stream().map(a -> risk.defaults().close(a.auctionId())).toList();
        await("clearing-service books every transfer", () -> risk.defaults().transfers(defaultId),
                transfers -> transfers.stream().allMatch(t -> t.status().equals("BOOKED")));
        return closed;
    }

    private void register(String id, String name) {
        ignoreConflict(() -> backOffice.members().register(new Members.NewMember(id, name, LEIS.get(id),
                Members.MembershipType.GENERAL_CLEARING_MEMBER)));
    }

    private void open(String id, String member, Accounts.Type type) {
        ignoreConflict(() -> backOffice.accounts().open(new Accounts.NewAccount(id, member, type, "USD")));
    }

    private void deposit(String account, String amount) {
        backOffice.collateral().depositCash(account, "drill-" + account, new Collateral.CashMovement("USD",
                new BigDecimal(amount), "fire drill: opening cash"));
    }

    private void contribute(String member, String amount) {
        backOffice.defaultFund().contribute(member, "drill-fund-" + member, new Collateral.CashMovement("USD",
                new BigDecimal(amount), "fire drill: default fund contribution"));
    }

    /** Per family, the contract month whose last trading day comes first after {@code day}. */
    private Map<String, String> contractMonthsTradingAfter(LocalDate day) {
        Map<String, String> chosen = new TreeMap<>();
        for (String family : List.of(GH100, GB200)) {
            Catalogue.Instrument month = backOffice.catalogue().instruments(family, null).stream()
                    .filter(i -> i.lastTradingDay().isAfter(day))
                    .min(Comparator.comparing(Catalogue.Instrument::lastTradingDay))
                    .orElseThrow(() -> new IllegalStateException("no " + family + " month trades after " + day));
            chosen.put(family, month.id());
        }
        return chosen;
    }

    private static void ignoreConflict(Runnable create) {
        try {
            create.run();
        } catch (ProblemException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
        }
    }

    private static LocalDate weekdayFrom(LocalDate day) {
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
        Instant until = Instant.now().plus(TIMEOUT);
        T last = null;
        while (Instant.now().isBefore(until)) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Demo.sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("fire drill: not within " + TIMEOUT.toSeconds() + " s: " + what
                + " (last seen: " + last + ")");
    }
}
