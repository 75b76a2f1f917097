package io.computeclearing.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed client against a small HTTP server standing in for the four services: what each call sends (method, path,
 * token, idempotency key, exact decimals), how answers are read, and how refusals become problems.
 */
class ClearingHouseTest {

    private HttpServer server;
    private ClearingHouse house;
    private final ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();
    private final AtomicInteger deposits = new AtomicInteger();

    @BeforeEach
    void startServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers in = exchange.getRequestHeaders();
            seen.put(request, in.getFirst("Authorization") + " | " + in.getFirst("Idempotency-Key") + " | " + body);
            Answer answer = answer(request, body);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        // The five services on one port, each under its own prefix, to see that every area calls its own service.
        house = ClearingHouse.connect(ClearingHouseEndpoints.of(base + "/account", base + "/clearing/",
                base + "/margin", base + "/settlement", base + "/risk"), TokenSource.fixed("token-of-alice"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer answer(String request, String body) {
        return switch (request) {
            case "GET /account/accounts/ALPHA-H/balances" -> new Answer(200, "application/json", """
                    {"accountId":"ALPHA-H","baseCurrency":"USD","valuedAt":"2026-12-07T04:00:00Z",
                     "holdings":[{"asset":"USD","assetClass":"CASH","quantity":5000000.00,"collateralValueInBaseCurrency":5000000.00}],
                     "collateralValue":5000000.00,"requirements":[],"marginRequirement":11147.89,
                     "excess":4988852.11,"someFieldAddedLater":true}""");
            case "GET /account/accounts/BRAVO-H" -> new Answer(404, "application/problem+json", """
                    {"type":"/problems/not-found","title":"Not found","status":404,
                     "detail":"Account BRAVO-H does not exist","instance":"/accounts/BRAVO-H"}""");
            case "POST /account/accounts/ALPHA-H/deposits" -> deposits.incrementAndGet() == 1
                    ? new Answer(201, "application/json", "{\"id\":\"6f1c2a8e-0000-4000-8000-000000000001\","
                    + "\"accountId\":\"ALPHA-H\",\"kind\":\"DEPOSIT\",\"idempotencyKey\":\"wire-1\",\"postings\":[]}")
                    : new Answer(200, "application/json", "{\"id\":\"6f1c2a8e-0000-4000-8000-000000000001\","
                    + "\"accountId\":\"ALPHA-H\",\"kind\":\"DEPOSIT\",\"idempotencyKey\":\"wire-1\",\"postings\":[]}");
            case "POST /clearing/trades/batch" -> new Answer(422, "application/problem+json", """
                    {"type":"/problems/validation","title":"Invalid request","status":422,
                     "detail":"2 rules broken","violations":[{"field":"[0].price","message":"must be on the tick grid"},
                     {"field":"[0].quantity","message":"must be positive"}]}""");
            case "GET /clearing/positions?accountId=ALPHA-H&instrumentId=GH100-202612" -> new Answer(200,
                    "application/json", """
                    [{"accountId":"ALPHA-H","memberId":"ALPHA","instrumentId":"GH100-202612","gross":false,
                      "longQuantity":10,"shortQuantity":0,"netQuantity":10,"businessDate":"2026-12-07","version":3}]""");
            case "GET /margin/margin/accounts/ALPHA-H" -> new Answer(502, "text/html", "<html>Bad Gateway</html>");
            case "GET /settlement/statements/ALPHA-H/2026-12-07?format=csv" -> new Answer(200, "text/csv",
                    "section,instrument\nposition,GH100-202612\n");
            case "POST /margin/margin/what-if" -> new Answer(200, "application/json", """
                    {"accountId":"BRAVO-H","accountType":"HOUSE","baseCurrency":"USD",
                     "change":[{"currency":"USD","initialMargin":650.00,"maintenanceMargin":520.00}]}""");
            case "GET /settlement/accounts/BRAVO-H" -> new Answer(200, "application/json", """
                    {"id":"BRAVO-H","memberId":"BRAVO","accountType":"HOUSE","baseCurrency":"USD","status":"ACTIVE",
                     "memberStatus":"ACTIVE","acceptsBusiness":true}""");
            case "PUT /margin/clock" -> new Answer(200, "application/json", """
                    {"now":"2026-12-08T09:00:00Z","systemNow":"2026-12-07T04:00:00Z","offset":"PT29H","frozen":true,
                     "adjustable":true}""");
            case "GET /risk/stress-runs?page=0&size=1" -> new Answer(200, "application/json", """
                    [{"runId":7,"businessDate":"2026-12-07","trigger":"END_OF_DAY","requestedBy":"settlement-service",
                      "currency":"USD","usdCny":7.1,"accounts":5,"groups":2,"scenarios":9,"cover1":13000.00,
                      "cover1Scenario":"SPIKE","cover1Group":"BRAVO","cover2":14500.00,"cover2Scenario":"GLUT",
                      "cover2Groups":["ALPHA","CHARLIE"],"completedAt":"2026-12-07T18:00:00Z"}]""");
            case "GET /risk/stress-runs/7/members/ALPHA" -> new Answer(200, "application/json", """
                    {"runId":7,"businessDate":"2026-12-07","memberId":"ALPHA","groupId":"ALPHA",
                     "scenarios":[{"scenarioId":"GLUT","loss":10000.00,
                       "group":{"groupId":"ALPHA","loss":10000.00,"initialMargin":3000.00,"uncovered":7000.00},
                       "accounts":[{"accountId":"ALPHA-H","loss":10000.00,"byCurrency":[]}]}]}""");
            case "POST /risk/default-fund-sizings" -> body.equals("{\"asOf\":\"2026-12-07\"}")
                    ? new Answer(201, "application/json", """
                    {"sizing":{"sizingId":3,"effectiveDate":"2026-12-07","periodFrom":"2026-11-07",
                      "periodTo":"2026-12-07","runs":21,"reason":"ON_DEMAND","requestedBy":"rita","currency":"USD",
                      "riskMeasure":"UNCOVERED_STRESS_LOSS","maxCover2":14500.00,"maxCover2RunId":7,
                      "maxCover2Date":"2026-12-07","buffer":0.10,"buffered":15950.000,"minimum":10000.00,
                      "minimumApplied":false,"minimumContribution":1000.00,"fundSize":15950.00,"members":2,
                      "sizedAt":"2026-12-07T18:01:00Z"},
                     "contributions":[
                      {"memberId":"ALPHA","measure":7000,"minimum":1000.00,"proRata":9178.34,"amount":10178.34},
                      {"memberId":"CHARLIE","measure":7500,"minimum":1000.00,"proRata":4771.66,"amount":5771.66}]}""")
                    : new Answer(400, "application/problem+json", "{\"type\":\"/problems/validation\"}");
            case "POST /risk/defaults" -> new Answer(201, "application/json", """
                    {"defaultId":4,"memberId":"BRAVO","reason":"INSOLVENCY","detail":"administrators appointed",
                     "callId":null,"status":"PROPOSED","proposedBy":"rita","proposedAt":"2026-12-07T09:15:00Z"}""");
            case "POST /risk/defaults/4/approval" -> new Answer(409, "application/problem+json", """
                    {"type":"/problems/four-eyes","title":"A second person must approve","status":409,
                     "detail":"default case 4 was proposed by rita: another user with the risk or admin role must approve it"}""");
            case "GET /account/default-fund/ALPHA" -> new Answer(200, "application/json", """
                    {"memberId":"ALPHA","currency":"USD","required":10178.34,"held":0.00,"releasable":0.00,
                     "sizingId":3,"effectiveDate":"2026-12-07",
                     "outstandingCall":{"id":"6f1c2a8e-0000-4000-8000-000000000009","memberId":"ALPHA",
                       "currency":"USD","amount":10178.34,"required":10178.34,"held":0.00,"sizingId":3,
                       "status":"OPEN","deadline":"2026-12-08T18:01:00Z","issuedAt":"2026-12-07T18:01:02Z"}}""");
            default -> new Answer(404, "text/plain", "");
        };
    }

    @Test
    void stressRunsAreReadFromRiskService() {
        StressRuns.Run run = house.stressRuns().list(0, 1).getFirst();
        assertThat(run.cover2()).isEqualTo(new BigDecimal("14500.00"));
        assertThat(run.cover2Groups()).containsExactly("ALPHA", "CHARLIE");
        assertThat(run.businessDate()).isEqualTo(LocalDate.of(2026, 12, 7));

        StressRuns.MemberLosses own = house.stressRuns().member(7, "ALPHA");
        assertThat(own.scenarios()).singleElement().satisfies(scenario -> {
            assertThat(scenario.group().uncovered()).isEqualTo(new BigDecimal("7000.00"));
            assertThat(scenario.accounts()).containsExactly(new StressRuns.AccountLoss("ALPHA-H",
                    new BigDecimal("10000.00")));
        });
    }

    @Test
    void theDefaultFundIsSizedAtRiskServiceAndHeldAtAccountService() {
        DefaultFund.SizingView sized = house.defaultFund().size(LocalDate.of(2026, 12, 7));
        assertThat(sized.sizing().fundSize()).isEqualTo(new BigDecimal("15950.00"));
        assertThat(sized.contributions()).extracting(DefaultFund.Contribution::amount)
                .containsExactly(new BigDecimal("10178.34"), new BigDecimal("5771.66"));

        DefaultFund.Position alpha = house.defaultFund().position("ALPHA");
        assertThat(alpha.required()).isEqualTo(new BigDecimal("10178.34"));
        assertThat(alpha.outstandingCall().status()).isEqualTo("OPEN");
        assertThat(alpha.outstandingCall().amount()).isEqualTo(new BigDecimal("10178.34"));
    }

    @Test
    void aDefaultIsProposedAndItsProposerCannotApproveIt() {
        Defaults.DefaultCase proposed = house.defaults().propose("BRAVO", Defaults.Reason.INSOLVENCY,
                "administrators appointed");
        assertThat(proposed.status()).isEqualTo(Defaults.Status.PROPOSED);
        assertThat(seen.get("POST /risk/defaults")).endsWith(
                "{\"memberId\":\"BRAVO\",\"reason\":\"INSOLVENCY\",\"detail\":\"administrators appointed\"}");
        assertThatThrownBy(() -> house.defaults().approve(4)).isInstanceOfSatisfying(ProblemException.class,
                refused -> assertThat(refused.problem().type()).isEqualTo("/problems/four-eyes"));
    }

    @Test
    void readsAnswersWithDecimalsExactAndFieldsAddedLaterIgnored() {
        Accounts.Balances balances = house.accounts().balances("ALPHA-H");

        assertThat(balances.collateralValue()).isEqualTo(new BigDecimal("5000000.00"));
        assertThat(balances.marginRequirement()).isEqualTo(new BigDecimal("11147.89"));
        assertThat(balances.excess()).isEqualTo(new BigDecimal("4988852.11"));
        assertThat(balances.valuedAt()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
        assertThat(balances.holdings()).singleElement()
                .satisfies(h -> assertThat(h.quantity()).isEqualTo(new BigDecimal("5000000.00")));
        assertThat(seen.get("GET /account/accounts/ALPHA-H/balances")).startsWith("Bearer token-of-alice | null | ");
    }

    @Test
    void aRefusalIsAProblemWithTypeTitleStatusAndDetail() {
        assertThatThrownBy(() -> house.accounts().get("BRAVO-H")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem()).isEqualTo(new Problem("/problems/not-found", "Not found", 404,
                    "Account BRAVO-H does not exist", "/accounts/BRAVO-H", List.of()));
            assertThat(e.isType("/problems/not-found")).isTrue();
            assertThat(e.request()).endsWith("/account/accounts/BRAVO-H").startsWith("GET http://127.0.0.1:");
            assertThat(e.getMessage()).contains("404 /problems/not-found Not found: Account BRAVO-H does not exist");
        });
    }

    @Test
    void everyViolationOfAValidationProblemIsKept() {
        Trades.TradeReport trade = new Trades.TradeReport("X-1", "GH100-202612", 0, new BigDecimal("2.601"),
                "ALPHA-H", "BRAVO-H", Instant.parse("2026-12-07T01:00:00Z"), LocalDate.of(2026, 12, 7));

        assertThatThrownBy(() -> house.trades().submitBatch(List.of(trade)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.type()).isEqualTo("/problems/validation");
                    assertThat(e.problem().violations()).containsExactly(
                            new Problem.Violation("[0].price", "must be on the tick grid"),
                            new Problem.Violation("[0].quantity", "must be positive"));
                });
        // The trade went out as the API documents it: plain decimal price, ISO instant and date.
        assertThat(seen.get("POST /clearing/trades/batch")).endsWith("[{\"exchangeTradeId\":\"X-1\","
                + "\"instrumentId\":\"GH100-202612\",\"quantity\":0,\"price\":2.601,\"buyerAccountId\":\"ALPHA-H\","
                + "\"sellerAccountId\":\"BRAVO-H\",\"tradeTime\":\"2026-12-07T01:00:00Z\",\"businessDate\":\"2026-12-07\"}]");
    }

    @Test
    void anErrorWithoutProblemDocumentIsDescribedByItsStatus() {
        assertThatThrownBy(() -> house.margin().account("ALPHA-H")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().type()).isEqualTo("about:blank");
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.problem().detail()).isEqualTo("<html>Bad Gateway</html>");
            assertThat(e.body()).isEqualTo("<html>Bad Gateway</html>");
        });
        assertThatThrownBy(() -> house.indices().get("NO-SUCH")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem()).isEqualTo(new Problem("about:blank", "Not Found", 404, "", null, List.of()));
        });
    }

    @Test
    void aDepositCarriesItsIdempotencyKeyAndTellsARecordingFromAReplay() {
        Collateral.CashMovement wire = new Collateral.CashMovement("USD", new BigDecimal("5000000.00"), "demo wire");

        Recorded<Accounts.JournalEntry> first = house.collateral().depositCash("ALPHA-H", "wire-1", wire);
        Recorded<Accounts.JournalEntry> again = house.collateral().depositCash("ALPHA-H", "wire-1", wire);

        assertThat(first.created()).isTrue();
        assertThat(again.replayed()).isTrue();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(seen.get("POST /account/accounts/ALPHA-H/deposits")).isEqualTo("Bearer token-of-alice | wire-1 | "
                + "{\"currency\":\"USD\",\"amount\":5000000.00,\"reference\":\"demo wire\"}");
    }

    @Test
    void queryParametersAreSentOnlyWhenGivenAndEachAreaCallsItsService() {
        List<Positions.Position> positions = house.positions()
                .list(Positions.Filter.account("ALPHA-H").andInstrument("GH100-202612"));

        assertThat(positions).containsExactly(new Positions.Position("ALPHA-H", "ALPHA", "GH100-202612", false, 10, 0,
                10, LocalDate.of(2026, 12, 7), 3L));
        assertThat(house.statements().csv("ALPHA-H", LocalDate.of(2026, 12, 7)))
                .isEqualTo("section,instrument\nposition,GH100-202612\n");
    }

    @Test
    void optionalFieldsLeftNullAreLeftOutOfTheRequest() {
        Margin.WhatIfMargin whatIf = house.margin().whatIf(Margin.WhatIf.trades("BRAVO-H",
                List.of(new Margin.HypotheticalTrade("GH100-202612", Trades.Side.BUY, 1))));

        assertThat(whatIf.change()).containsExactly(new Margin.CurrencyRequirement("USD", new BigDecimal("650.00"),
                new BigDecimal("520.00")));
        assertThat(seen.get("POST /margin/margin/what-if")).endsWith(" | {\"accountId\":\"BRAVO-H\","
                + "\"trades\":[{\"instrumentId\":\"GH100-202612\",\"side\":\"BUY\",\"quantity\":1}]}");
    }

    @Test
    void eachServiceHasItsOwnBusinessTimeThatAnAdminCanMove() {
        BusinessTime.ClockView clock = house.businessTime(Service.MARGIN)
                .moveTo(Instant.parse("2026-12-08T09:00:00Z"), true);

        assertThat(clock.now()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
        assertThat(clock.frozen()).isTrue();
        assertThat(seen.get("PUT /margin/clock")).endsWith(" | {\"instant\":\"2026-12-08T09:00:00Z\",\"frozen\":true}");
    }

    @Test
    void eachServiceKeepsItsOwnDirectoryOfAccounts() {
        AccountDirectory.KnownAccount account = house.accountDirectory(Service.SETTLEMENT).get("BRAVO-H");

        assertThat(account.acceptsBusiness()).isTrue();
        assertThat(account.accountType()).isEqualTo(AccountDirectory.AccountType.HOUSE);
        assertThatThrownBy(() -> house.accountDirectory(Service.ACCOUNT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableServiceIsNoAnswerNotAProblem() {
        server.stop(0);

        assertThatThrownBy(() -> house.accounts().balances("ALPHA-H"))
                .isExactlyInstanceOf(ClearingHouseException.class).hasMessageContaining("no answer");
    }
}
