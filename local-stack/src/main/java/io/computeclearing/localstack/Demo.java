package io.computeclearing.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.client.AccountDirectory;
import io.computeclearing.client.Accounts;
import io.computeclearing.client.BusinessDays;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseEndpoints;
import io.computeclearing.client.ClearingHouseException;
import io.computeclearing.client.Collateral;
import io.computeclearing.client.DefaultFund;
import io.computeclearing.client.Members;
import io.computeclearing.client.OidcTokenSource;
import io.computeclearing.client.ProblemException;
import io.computeclearing.client.Recorded;
import io.computeclearing.client.Service;
import io.computeclearing.client.StressRuns;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A short walk through the running stack with real Keycloak tokens: the back office onboards two clearing members with
 * accounts and cash collateral, then a member user looks at its own balances and fails to see the other member's
 * account. Safe to replay: existing members and accounts (409) count as done, and deposits carry fixed idempotency
 * keys, so a second start of the stack changes nothing. Every call goes through the clearing house's Java client
 * ({@code ccp-client}), as a member's own system would make it.
 */
final class Demo {

    /** ISO 17442 LEIs with valid ISO 7064 MOD 97-10 check digits (made up for the demo, not registered entities). */
    static final String ALPHA_LEI = "549300ALPHACOMPUTE18";
    static final String BRAVO_LEI = "549300BRAVOMARKETS76";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final PrintStream out;
    /** Only to read the token's claims: the client reads every answer itself, amounts as BigDecimal. */
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String accountService;
    private final String clearingService;
    private final String settlementService;
    private final String riskService;
    private final ClearingHouseEndpoints endpoints;
    /** The first business day the demo trades on; the month runs from it to the front months' last trading day. */
    private final LocalDate firstBusinessDay;
    private final boolean fireDrill;
    private int passed;
    private final List<String> failed = new ArrayList<>();

    /**
     * @param clearingService base URL of clearing-service, or null when it is not running
     * @param settlementService base URL of settlement-service, or null when it is not running
     * @param riskService base URL of risk-service, or null when it is not running
     * @param firstBusinessDay the date the demo opens and trades first (the launcher: today, UTC)
     * @param fireDrill whether the default fire drill follows the month
     */
    Demo(PrintStream out, String accountService, String clearingService, String settlementService,
         String riskService, LocalDate firstBusinessDay, boolean fireDrill) {
        this.firstBusinessDay = firstBusinessDay;
        this.fireDrill = fireDrill;
        this.out = out;
        this.accountService = accountService;
        this.clearingService = clearingService;
        this.settlementService = settlementService;
        this.riskService = riskService;
        // A service that is not running keeps its usual port in the record; the demo does not call it (see run()).
        ClearingHouseEndpoints usual = ClearingHouseEndpoints.localhost();
        this.endpoints = new ClearingHouseEndpoints(URI.create(accountService),
                clearingService == null ? usual.clearingService() : URI.create(clearingService),
                usual.marginService(),
                settlementService == null ? usual.settlementService() : URI.create(settlementService),
                riskService == null ? usual.riskService() : URI.create(riskService));
    }

    /** Plays the demo; returns the failed steps (empty when all passed). */
    List<String> run() {
        out.println();
        out.println("DEMO (account-service " + accountService + ", tokens from " + KeycloakServer.tokenUrl() + ")");
        ClearingHouse backOffice = signIn("backoffice", "back-office", null);
        ClearingHouse alice = signIn("alice", "member", "ALPHA");
        ClearingHouse bob = signIn("bob", "member", "BRAVO");
        ClearingHouse indexProvider = signIn("indexco", "index-provider", null);
        if (backOffice == null) {
            fail("no back-office token: the remaining steps need it");
            return summary();
        }

        create("/members", "member ALPHA", () -> backOffice.members().register(new Members.NewMember("ALPHA",
                "Alpha Compute Clearing LLC", ALPHA_LEI, Members.MembershipType.GENERAL_CLEARING_MEMBER)));
        create("/members", "member BRAVO", () -> backOffice.members().register(new Members.NewMember("BRAVO",
                "Bravo Markets Ltd", BRAVO_LEI, Members.MembershipType.DIRECT_CLEARING_MEMBER)));

        if (alice != null) {
            showOtherMemberHidden(backOffice, alice, "/members/ALPHA", "/members/BRAVO", "BRAVO's member record",
                    house -> house.members().get("ALPHA"), house -> house.members().get("BRAVO"));
        }

        openAccount(backOffice, "ALPHA-H", "ALPHA", Accounts.Type.HOUSE, "USD");
        openAccount(backOffice, "ALPHA-C", "ALPHA", Accounts.Type.CLIENT_OMNIBUS, "USD");
        openAccount(backOffice, "BRAVO-H", "BRAVO", Accounts.Type.HOUSE, "USD");
        openAccount(backOffice, "BRAVO-CN", "BRAVO", Accounts.Type.HOUSE, "CNY");
        openAccount(backOffice, "BRAVO-S", "BRAVO", Accounts.Type.CLIENT_SEGREGATED, "USD");

        deposit(backOffice, "ALPHA-H", "demo-alpha-usd-1", "USD", "5000000.00");
        deposit(backOffice, "BRAVO-H", "demo-bravo-usd-1", "USD", "3000000.00");
        deposit(backOffice, "BRAVO-CN", "demo-bravo-cny-1", "CNY", "20000000.00");
        deposit(backOffice, "BRAVO-S", "demo-bravo-s-usd-1", "USD", "10000.00");

        if (alice != null) {
            showOwnBalances(alice);
            showOtherMemberHidden(backOffice, alice, "/accounts/ALPHA-H", "/accounts/BRAVO-H", "BRAVO's account",
                    house -> house.accounts().get("ALPHA-H"), house -> house.accounts().get("BRAVO-H"));
        }
        if (bob != null) {
            Answer<Accounts.Account> own = attempt(() -> bob.accounts().get("BRAVO-H"));
            step(own.ok(), "bob (member BRAVO) reads his own account BRAVO-H", own);
        }
        if (clearingService != null) {
            showClearingLearntAccounts(backOffice);
            DemoTrades.TradingDay today = new DemoTrades(this, out, firstBusinessDay).run(backOffice, alice, bob);
            if (alice != null && today.traded()) {
                showMarginArrived(backOffice, alice);
            }
            if (settlementService != null && indexProvider != null && !today.frontMonths().isEmpty()) {
                new DemoMonth(this, out, firstBusinessDay).run(today.frontMonths(), backOffice, alice, bob, indexProvider);
                if (riskService != null && alice != null) {
                    showStressRuns(backOffice, alice);
                    showDefaultFund(backOffice, alice);
                    if (fireDrill) {
                        showFireDrill(backOffice);
                    }
                }
            }
        } else {
            out.println("  - clearing-service is not running: skipped the check that it learnt the accounts from events");
        }
        return summary();
    }

    /**
     * The clearing house as a demo user (password grant, every demo user's password is its name), after checking that
     * the token carries the role and member claim the services rely on; null when there is no such token.
     */
    private ClearingHouse signIn(String user, String role, String memberId) {
        OidcTokenSource tokens = OidcTokenSource.password(http, URI.create(KeycloakServer.tokenUrl()), "ccp-cli", user,
                user);
        try {
            String token = tokens.accessToken();
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            Set<String> roles = new TreeSet<>();
            claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
            String claimedMember = claims.path("member_id").asText(null);
            boolean ok = roles.contains(role) && (memberId == null ? claimedMember == null : memberId.equals(claimedMember));
            String roleNames = roles.stream().filter(r -> Set.of("back-office", "member", "risk", "admin", "index-provider").contains(r))
                    .collect(Collectors.joining(","));
            step(ok, "token for " + user + " (realm roles " + roleNames + (claimedMember == null ? ""
                    : ", member_id " + claimedMember) + ")", (Answer<?>) null);
            return ClearingHouse.builder(endpoints).tokens(tokens).httpClient(http).timeout(TIMEOUT).build();
        } catch (ProblemException e) {
            fail("token for " + user + ": HTTP " + e.status() + " " + abbreviate(e.body()));
            return null;
        } catch (IOException | RuntimeException e) {
            fail("token for " + user + ": " + e.getMessage());
            return null;
        }
    }

    private void openAccount(ClearingHouse backOffice, String id, String memberId, Accounts.Type type,
                             String currency) {
        create("/accounts", "account " + id + " (" + type + ", " + currency + ")",
                () -> backOffice.accounts().open(new Accounts.NewAccount(id, memberId, type, currency)));
    }

    private void create(String path, String what, Supplier<?> request) {
        Answer<?> response = attempt(request);
        if (response.ok()) {
            pass("POST " + path + " " + what + ": created (201)");
        } else if (response.status() == 409) {
            pass("POST " + path + " " + what + ": already there (409)");
        } else {
            step(false, "POST " + path + " " + what, response);
        }
    }

    private void deposit(ClearingHouse backOffice, String accountId, String idempotencyKey, String currency,
                         String amount) {
        String path = "/accounts/" + accountId + "/deposits";
        Collateral.CashMovement wire = new Collateral.CashMovement(currency, new BigDecimal(amount), "demo wire");
        Answer<Accounts.JournalEntry> response = recorded(() -> backOffice.collateral()
                .depositCash(accountId, idempotencyKey, wire));
        String what = "POST " + path + " " + String.format("%,.2f", new BigDecimal(amount)) + " " + currency
                + " (Idempotency-Key " + idempotencyKey + ")";
        switch (response.status()) {
            case 201 -> pass(what + ": recorded (201)");
            case 200 -> pass(what + ": already recorded, replayed (200)");
            case 409 -> pass(what + ": already recorded (409)");
            default -> step(false, what, response);
        }
    }

    private void showOwnBalances(ClearingHouse alice) {
        Answer<Accounts.Balances> response = attempt(() -> alice.accounts().balances("ALPHA-H"));
        step(response.ok(), "alice (member ALPHA) reads GET /accounts/ALPHA-H/balances", response);
        if (response.ok()) {
            out.println("      " + balanceSummary(response.value()));
        }
    }

    /**
     * The trades reach margin-service as position events; its SPAN requirement comes back to account-service as an
     * event. ALPHA-H holds a CNY token future in a USD account, so the back office first records a USD/CNY rate.
     */
    private void showMarginArrived(ClearingHouse backOffice, ClearingHouse alice) {
        Answer<Collateral.FxRate> fx = attempt(() -> backOffice.collateral()
                .setFxRate("USD", "CNY", new BigDecimal("7.10")));
        step(fx.ok(), "PUT /collateral/fx-rates/USD/CNY 7.10", fx);
        Answer<Accounts.Balances> response = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            response = attempt(() -> alice.accounts().balances("ALPHA-H"));
            if (response.ok() && requirement(response.value()).signum() > 0) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        boolean arrived = response != null && response.ok() && requirement(response.value()).signum() > 0;
        step(arrived, "margin-service's SPAN requirement for ALPHA-H reached account-service (alice reads her balances)",
                response);
        if (arrived) {
            out.println("      " + balanceSummary(response.value()));
        }
    }

    private static BigDecimal requirement(Accounts.Balances balances) {
        return balances.marginRequirement() == null ? BigDecimal.ZERO : balances.marginRequirement();
    }

    /** "collateral 5,000,000.00 USD, margin requirement 0.00, excess 5,000,000.00; holdings USD 5,000,000.00" */
    private static String balanceSummary(Accounts.Balances balances) {
        String currency = balances.baseCurrency() == null ? "" : balances.baseCurrency();
        List<String> holdings = new ArrayList<>();
        if (balances.holdings() != null) {
            balances.holdings().forEach(h -> holdings.add(h.asset() + " " + money(h.quantity())));
        }
        return "collateral " + money(balances.collateralValue()) + " " + currency
                + ", margin requirement " + money(balances.marginRequirement())
                + ", excess " + money(balances.excess()) + "; holdings " + (holdings.isEmpty() ? "none" : String.join(", ", holdings));
    }

    /** An amount as the demo prints it: grouped, two decimals ("?" when the service sent none). */
    static String money(BigDecimal amount) {
        return amount == null ? "?" : String.format("%,.2f", amount);
    }

    /**
     * A member user sees its own member's data, and the other member's as if it did not exist: 404 for alice where
     * the back office gets 200.
     */
    private void showOtherMemberHidden(ClearingHouse backOffice, ClearingHouse alice, String ownPath, String otherPath,
                                       String what, Function<ClearingHouse, ?> readOwn,
                                       Function<ClearingHouse, ?> readOther) {
        Answer<?> own = attempt(() -> readOwn.apply(alice));
        step(own.ok(), "alice (member ALPHA) reads her own GET " + ownPath, own);
        Answer<?> seenByBackOffice = attempt(() -> readOther.apply(backOffice));
        if (!seenByBackOffice.ok()) {
            step(false, "staff read GET " + otherPath + " (needed to show that alice cannot)", seenByBackOffice);
            return;
        }
        Answer<?> seenByAlice = attempt(() -> readOther.apply(alice));
        step(seenByAlice.status() == 404, "alice cannot see " + what + ": GET " + otherPath + " -> "
                + seenByAlice.status() + " (staff: 200)", seenByAlice.status() == 404 ? null : seenByAlice);
    }

    /**
     * risk-service stress-tests the book after every end of day (started by settlement's event): the month's runs, the
     * latest run's Cover-1 and Cover-2 and who sets them, and alice's own losses (BRAVO's are hidden from her).
     */
    private void showStressRuns(ClearingHouse backOffice, ClearingHouse alice) {
        out.println();
        out.println("  STRESS TESTS (risk-service, after every end of day)");
        ClearingHouse risk = signIn("risk", "risk", null);
        Answer<List<BusinessDays.BusinessDay>> closed = attempt(() ->
                backOffice.businessDays().list(BusinessDays.Status.CLOSED));
        if (risk == null || !closed.ok() || closed.value().isEmpty()) {
            step(false, "the risk token and the month's closed business days", closed);
            return;
        }
        LocalDate lastDay = closed.value().stream().map(BusinessDays.BusinessDay::date).max(LocalDate::compareTo)
                .orElseThrow();
        Answer<List<StressRuns.Run>> runs = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            runs = attempt(() -> risk.stressRuns().list(0, 100));
            if (runs.ok() && runs.value().stream().anyMatch(r -> r.businessDate().equals(lastDay))) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        if (runs == null || !runs.ok() || runs.value().stream().noneMatch(r -> r.businessDate().equals(lastDay))) {
            step(false, "GET /stress-runs: a stress run of the last end of day, " + lastDay, runs);
            return;
        }
        // The newest run in which both members held positions (on the last trading day they may all be closed).
        StressRuns.Run latest = runs.value().stream()
                .filter(run -> attempt(() -> risk.stressRuns().member(run.runId(), "ALPHA")).ok()
                        && attempt(() -> risk.stressRuns().member(run.runId(), "BRAVO")).ok())
                .findFirst().orElse(null);
        if (latest == null) {
            fail("GET /stress-runs: no run revalued both ALPHA's and BRAVO's positions");
            return;
        }
        pass("GET /stress-runs (risk): " + runs.value().size() + " runs over the month, one per end of day; the "
                + "latest with both members' positions, of " + latest.businessDate() + ", revalued "
                + latest.accounts() + " accounts under " + latest.scenarios() + " scenarios");
        out.printf("      Cover-1 %s USD%s%n", money(latest.cover1()), latest.cover1Scenario() == null
                ? " (no member's loss exceeds its margin)"
                : " (scenario " + latest.cover1Scenario() + ", member group " + latest.cover1Group() + ")");
        out.printf("      Cover-2 %s USD%s%n", money(latest.cover2()), latest.cover2Scenario() == null ? ""
                : " (scenario " + latest.cover2Scenario() + ", member groups " + latest.cover2Groups() + ")");
        showOtherMemberHidden(risk, alice, "/stress-runs/" + latest.runId() + "/members/ALPHA",
                "/stress-runs/" + latest.runId() + "/members/BRAVO", "BRAVO's stress losses",
                house -> house.stressRuns().member(latest.runId(), "ALPHA"),
                house -> house.stressRuns().member(latest.runId(), "BRAVO"));
        Answer<StressRuns.MemberLosses> own = attempt(() -> alice.stressRuns().member(latest.runId(), "ALPHA"));
        if (own.ok()) {
            own.value().scenarios().stream().max(Comparator.comparing(StressRuns.MemberScenario::loss))
                    .ifPresent(worst -> out.printf("      ALPHA's worst scenario %s: loss %s USD, margin %s, "
                                    + "uncovered %s%n", worst.scenarioId(), money(worst.loss()),
                            money(worst.group().initialMargin()), money(worst.group().uncovered())));
        }
    }

    /**
     * The risk officer sizes the default fund over the month's daily stress runs; account-service calls each member
     * for its contribution, the back office records the payments and the calls settle; alice reads only her own line.
     */
    private void showDefaultFund(ClearingHouse backOffice, ClearingHouse alice) {
        out.println();
        out.println("  DEFAULT FUND (sized at risk-service, held at account-service)");
        ClearingHouse risk = signIn("risk", "risk", null);
        Answer<List<StressRuns.Run>> latest = risk == null ? null : attempt(() -> risk.stressRuns().list(0, 1));
        if (latest == null || !latest.ok() || latest.value().isEmpty()) {
            step(false, "the risk token and the latest stress run", latest);
            return;
        }
        LocalDate asOf = latest.value().getFirst().businessDate();
        // A replayed demo shows the sizing it made before instead of sizing again (the fire drill's days have stress
        // runs of their own since).
        Answer<DefaultFund.Status> status = attempt(() -> risk.defaultFund().status());
        DefaultFund.Sizing inForce = status.ok() ? status.value().inForce() : null;
        Answer<DefaultFund.SizingView> sized = inForce != null
                ? attempt(() -> risk.defaultFund().sizing(inForce.sizingId()))
                : attempt(() -> risk.defaultFund().size(asOf));
        if (!sized.ok()) {
            step(false, "POST /default-fund-sizings as of " + asOf, sized);
            return;
        }
        DefaultFund.Sizing sizing = sized.value().sizing();
        pass("POST /default-fund-sizings (risk) as of " + asOf + ": " + sizing.runs() + " daily runs, largest Cover-2 "
                + money(sizing.maxCover2()) + " " + sizing.currency() + " on " + sizing.maxCover2Date()
                + (sizing.minimumApplied() ? ", below the floor: the fund is the minimum"
                : ", plus the " + sizing.buffer().movePointRight(2).stripTrailingZeros().toPlainString() + " % buffer"));
        out.printf("      fund %s %s, shared by %s (a minimum of %s each, the rest pro rata to %s):%n",
                money(sizing.fundSize()), sizing.currency(), sizing.members() == 1 ? "1 member"
                        : sizing.members() + " members", money(sizing.minimumContribution()),
                sizing.riskMeasure().toLowerCase(Locale.ROOT).replace('_', ' '));
        for (DefaultFund.Contribution c : sized.value().contributions()) {
            out.printf("        %-6s %12s%n", c.memberId(), money(c.amount()));
        }
        for (DefaultFund.Contribution c : sized.value().contributions()) {
            payContribution(backOffice, sizing, c);
        }
        showOtherMemberHidden(backOffice, alice, "/default-fund-sizings/" + sizing.sizingId() + "/members/ALPHA",
                "/default-fund-sizings/" + sizing.sizingId() + "/members/BRAVO", "BRAVO's contribution",
                house -> house.defaultFund().memberLine(sizing.sizingId(), "ALPHA"),
                house -> house.defaultFund().memberLine(sizing.sizingId(), "BRAVO"));
    }

    /**
     * The default fire drill on members of its own, on the two weekdays after the month (whose positions are settled
     * finally by then): signs in the users it needs, then plays or shows it.
     */
    private void showFireDrill(ClearingHouse backOffice) {
        Map<String, ClearingHouse> users = new HashMap<>();
        users.put("backoffice", backOffice);
        users.put("risk", signIn("risk", "risk", null));
        users.put("admin", signIn("admin", "admin", null));
        users.put("dave", signIn("dave", "member", FireDrill.PORTING_MEMBER));
        users.put("erin", signIn("erin", "member", FireDrill.BIDDER));
        if (users.containsValue(null)) {
            fail("the fire drill needs tokens for risk, admin, dave and erin (users added to the realm later than this "
                    + "data folder: delete it for a fresh start)");
            return;
        }
        new DemoFireDrill(this, out).run(users);
    }

    /** Waits for the member's contribution call, pays what it asks for and waits until it settles. */
    private void payContribution(ClearingHouse backOffice, DefaultFund.Sizing sizing, DefaultFund.Contribution c) {
        Answer<DefaultFund.Position> position = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            position = attempt(() -> backOffice.defaultFund().position(c.memberId()));
            if (position.ok() && Objects.equals(position.value().sizingId(), sizing.sizingId())) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        if (position == null || !position.ok() || !Objects.equals(position.value().sizingId(), sizing.sizingId())) {
            step(false, "GET /default-fund/" + c.memberId() + ": the requirement of sizing " + sizing.sizingId(),
                    position);
            return;
        }
        DefaultFund.Position held = position.value();
        if (held.outstandingCall() == null) {
            pass(c.memberId() + " already holds " + money(held.held()) + " of the " + money(held.required())
                    + " required: no contribution call");
            return;
        }
        DefaultFund.ContributionCall call = held.outstandingCall();
        Answer<Accounts.JournalEntry> paid = recorded(() -> backOffice.defaultFund().contribute(c.memberId(),
                "demo-default-fund-" + call.id(), new Collateral.CashMovement(call.currency(), call.amount(),
                        "default fund contribution, sizing " + sizing.sizingId())));
        if (!paid.ok()) {
            step(false, "POST /default-fund/" + c.memberId() + "/contributions", paid);
            return;
        }
        Answer<DefaultFund.Position> after = null;
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            after = attempt(() -> backOffice.defaultFund().position(c.memberId()));
            if (after.ok() && after.value().outstandingCall() == null) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        step(after != null && after.ok() && after.value().outstandingCall() == null, "contribution call of "
                + c.memberId() + " for " + money(call.amount()) + " " + call.currency()
                + " paid by the back office (POST /default-fund/" + c.memberId() + "/contributions) and settled",
                after);
    }

    /** clearing-service learns accounts from account-service's events, asynchronously: poll for a while. */
    private void showClearingLearntAccounts(ClearingHouse backOffice) {
        Set<String> expected = Set.of("ALPHA-H", "ALPHA-C", "BRAVO-H", "BRAVO-CN", "BRAVO-S");
        Set<String> seen = new TreeSet<>();
        Answer<List<AccountDirectory.KnownAccount>> last = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            last = attempt(() -> backOffice.accountDirectory(Service.CLEARING).list(null));
            seen.clear();
            if (last.ok()) {
                last.value().forEach(a -> seen.add(a.id()));
                if (seen.containsAll(expected)) {
                    break;
                }
            } else if (last.status() != 503 && last.status() != -1) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        if (seen.containsAll(expected)) {
            pass("clearing-service learnt the accounts from account-service's events: GET /accounts lists " + seen);
        } else if (last != null && last.ok()) {
            fail("clearing-service GET /accounts after 20 s lists " + seen + ", expected also "
                    + expected.stream().filter(id -> !seen.contains(id)).sorted().toList());
        } else {
            step(false, "clearing-service GET /accounts (the accounts it learnt from events)", last);
        }
    }

    /**
     * What a call came to: its value and status (200; 201 or 200 for a write recorded or replayed), or the status of
     * the refusal (-1 when nothing answered) and the exception that says why.
     */
    record Answer<T>(T value, int status, ClearingHouseException failure) {

        boolean ok() {
            return failure == null;
        }
    }

    static <T> Answer<T> attempt(Supplier<T> call) {
        try {
            return new Answer<>(call.get(), 200, null);
        } catch (ProblemException refused) {
            return new Answer<>(null, refused.status(), refused);
        } catch (ClearingHouseException noAnswer) {
            return new Answer<>(null, -1, noAnswer);
        }
    }

    static <T> Answer<T> recorded(Supplier<Recorded<T>> call) {
        Answer<Recorded<T>> answer = attempt(call);
        if (!answer.ok()) {
            return new Answer<>(null, answer.status(), answer.failure());
        }
        return new Answer<>(answer.value().value(), answer.value().created() ? 201 : 200, null);
    }

    void step(boolean ok, String what, Answer<?> response) {
        if (ok) {
            pass(what);
        } else if (response == null) {
            fail(what);
        } else if (response.ok()) {
            fail(what + ": " + abbreviate(String.valueOf(response.value())));
        } else if (!(response.failure() instanceof ProblemException refused)) {
            fail(what + ": no answer (" + response.failure().getMessage() + ")");
        } else if (isMissingEndpoint(refused)) {
            fail(what + ": HTTP " + refused.status() + ", no such endpoint in the running service"
                    + " (not implemented yet, or the jar is older than the code?)");
        } else {
            fail(what + ": HTTP " + refused.status() + " " + abbreviate(refused.body()));
        }
    }

    /** The framework's answer for an unknown path or method, as opposed to a domain "not found". */
    private static boolean isMissingEndpoint(ProblemException refused) {
        return (refused.status() == 404 || refused.status() == 405)
                && (refused.body().isBlank() || refused.body().contains("/problems/http-40"));
    }

    void pass(String line) {
        passed++;
        out.println("  \u2713 " + line);
    }

    void fail(String line) {
        failed.add(line);
        out.println("  \u2717 " + line);
    }

    private List<String> summary() {
        if (failed.isEmpty()) {
            out.println("  \u2713 demo: all " + passed + " steps passed");
        } else {
            out.println("  \u2717 demo: " + failed.size() + " of " + (passed + failed.size()) + " steps FAILED (see \u2717 lines above)");
        }
        return List.copyOf(failed);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ISO 7064 MOD 97-10 as ISO 17442 uses it: letters count A=10..Z=35, the whole number mod 97 must be 1. */
    static boolean isValidLei(String lei) {
        if (!lei.matches("[A-Z0-9]{18}[0-9]{2}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : lei.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
