package io.computeclearing.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.localstack.Demo.Response;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rest of the demo month, from today to the front months' last trading day: each business day is closed, the
 * back office publishes settlement prices and runs the end of day (variation margin into the members' ledgers); the
 * thin account BRAVO-S falls short after a price drop, gets a margin call and covers it; the index provider publishes
 * the GPU rental index every day of the month and the CNY token index is computed from a panel; on the last trading
 * day the front months settle finally against their indices; the members read their statements. Every step is safe to
 * replay: a closed day, a published price (409 after its run), a repeated run (200, nothing new) count as done.
 */
final class DemoMonth {

    /** Daily settlement prices of the front months: a drop on the second day, then a steady recovery. */
    private static final Map<String, PricePath> PRICES = Map.of(
            "GH100", new PricePath("2.600", "2.100", "0.050"),
            "GB200", new PricePath("5.310", "5.250", "0.030"),
            "TKFRC", new PricePath("55.00", "54.50", "0.10"));
    private static final Map<String, String> INDEX_OF_FAMILY = Map.of(
            "GH100", "SDH100RT", "GB200", "SDB200RT", "TKFRC", "TOKEN-FRONTIER-CNY");
    private static final Duration EVENTS_TIMEOUT = Duration.ofSeconds(40);

    private final Demo demo;
    private final PrintStream out;
    private final ObjectMapper json;
    private final String account;
    private final String clearing;
    private final String settlement;
    private final LocalDate today;

    DemoMonth(Demo demo, PrintStream out, ObjectMapper json, String accountService, String clearingService,
              String settlementService, LocalDate today) {
        this.today = today;
        this.demo = demo;
        this.out = out;
        this.json = json;
        this.account = accountService;
        this.clearing = clearingService;
        this.settlement = settlementService;
    }

    /** @param frontMonths the front-month instrument of each family, as clearing-service lists it */
    void run(Map<String, JsonNode> frontMonths, String backOffice, String alice, String bob, String indexProvider) {
        LocalDate lastTradingDay = frontMonths.values().stream()
                .map(i -> LocalDate.parse(i.path("lastTradingDay").asText())).max(LocalDate::compareTo).orElseThrow();
        List<LocalDate> days = weekdays(today, lastTradingDay);
        out.println();
        out.println("DEMO MONTH: " + days.size() + " business days " + today + " .. " + lastTradingDay
                + " (last trading day of " + String.join(", ", frontMonths.keySet().stream()
                .map(f -> frontMonths.get(f).path("id").asText()).sorted().toList()) + ")");

        publishIndexValues(frontMonths, indexProvider, backOffice, lastTradingDay);
        for (int day = 0; day < days.size(); day++) {
            LocalDate date = days.get(day);
            if (day > 0) {
                tradeDay(backOffice, date, day, frontMonths);
            }
            Response close = demo.call(backOffice, "POST", clearing + "/business-days/" + date + "/close", null, null);
            if (close.status() != 200) {
                demo.step(false, "POST /business-days/" + date + "/close (clearing-service)", close);
                return;
            }
            publishPrices(backOffice, date, day, frontMonths);
            if (!endOfDay(backOffice, date)) {
                return;
            }
            if (day == 1) {
                marginCallAndCover(backOffice, alice, bob);
            }
        }
        showFinalSettlements(backOffice, frontMonths);
        showStatement(alice, "alice", "ALPHA-H", lastTradingDay);
        if (days.size() > 1) {
            showStatement(bob, "bob", "BRAVO-S", days.get(1));
        }
        if (bob != null) {
            Response hidden = demo.call(bob, "GET", settlement + "/statements/ALPHA-H/" + lastTradingDay, null, null);
            demo.step(hidden.status() == 404, "bob cannot read ALPHA-H's statement: GET /statements/ALPHA-H/"
                    + lastTradingDay + " -> " + hidden.status(), hidden.status() == 404 ? null : hidden);
        }
    }

    /** Weekdays from {@code from} to {@code to}, both included. */
    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * The index provider publishes the GPU rental indices for every weekday of the contract month (their futures settle
     * on the monthly average); the CNY token index of the last trading day is computed by settlement-service from a
     * panel of five providers' billed prices, one of them an outlier the methodology leaves out.
     */
    private void publishIndexValues(Map<String, JsonNode> frontMonths, String indexProvider, String backOffice,
                                    LocalDate lastTradingDay) {
        int published = 0;
        Response last = null;
        for (String family : List.of("GH100", "GB200")) {
            if (!frontMonths.containsKey(family)) {
                continue;
            }
            String index = INDEX_OF_FAMILY.get(family);
            BigDecimal base = new BigDecimal(family.equals("GH100") ? "2.3000" : "5.1000");
            for (LocalDate date : weekdays(lastTradingDay.withDayOfMonth(1), lastTradingDay)) {
                // a small weekly pattern around the base: +0.0000 .. +0.0400
                BigDecimal value = base.add(new BigDecimal("0.0100").multiply(BigDecimal.valueOf(date.getDayOfMonth() % 5)));
                last = demo.call(indexProvider, "POST", settlement + "/indices/" + index + "/values",
                        Map.of("valueDate", date.toString(), "value", value), null);
                if (last.status() == 200 || last.status() == 201) {
                    published++;
                } else {
                    break;
                }
            }
        }
        demo.step(last != null && (last.status() == 200 || last.status() == 201), "indexco (role index-provider) publishes "
                + published + " daily values of SDH100RT and SDB200RT for the contract month", last);

        if (frontMonths.containsKey("TKFRC")) {
            computeTokenIndex(backOffice, lastTradingDay);
        }
    }

    private void computeTokenIndex(String backOffice, LocalDate date) {
        String path = "/indices/TOKEN-FRONTIER-CNY";
        Response existing = demo.call(backOffice, "GET", settlement + path + "/values?from=" + date + "&to=" + date,
                null, null);
        if (existing.status() == 200 && !read(existing).isEmpty()) {
            demo.pass("TOKEN-FRONTIER-CNY for " + date + " already computed: " + read(existing).get(0).path("value"));
            return;
        }
        String observedAt = date.atTime(5, 30).toInstant(ZoneOffset.UTC).toString();
        List<Map<String, Object>> panel = new ArrayList<>();
        String[][] quotes = {{"provider-a", "54.80", "1200"}, {"provider-b", "55.10", "800"},
                {"provider-c", "54.95", "1500"}, {"provider-d", "55.30", "400"}, {"provider-e", "71.00", "300"}};
        for (String[] quote : quotes) {
            Map<String, Object> observation = new LinkedHashMap<>();
            observation.put("observationId", "demo-" + date + "-" + quote[0]);
            observation.put("provider", quote[0]);
            observation.put("kind", "TRANSACTION");
            observation.put("price", new BigDecimal(quote[1]));
            observation.put("volume", new BigDecimal(quote[2]));
            observation.put("observedAt", observedAt);
            panel.add(observation);
        }
        Response submitted = demo.call(backOffice, "POST", settlement + path + "/observations", panel, null);
        demo.step(submitted.status() == 200 || submitted.status() == 201, "POST " + path
                + "/observations: 5 providers' billed prices for " + date + " (provider-e at 71.00 is an outlier)",
                submitted);
        Response computed = demo.call(backOffice, "POST", settlement + path + "/computations",
                Map.of("valueDate", date.toString()), null);
        JsonNode value = read(computed);
        demo.step(computed.status() == 201 || computed.status() == 200, "POST " + path + "/computations for " + date
                + ": volume-weighted median " + value.path("value").asText(value.path("result").asText("?"))
                + " CNY (method " + value.path("methodology").asText(value.path("methodVersion").asText("?")) + ")",
                computed);
    }

    /** The second day has two more trades: a token future away from its settlement price, and GH100 in BRAVO-S. */
    private void tradeDay(String backOffice, LocalDate date, int day, Map<String, JsonNode> frontMonths) {
        Response open = demo.call(backOffice, "POST", clearing + "/business-days/" + date + "/open", null, null);
        if (open.status() == 409) {
            demo.pass(date + " was closed by an earlier demo run: replaying its prices and run only");
            return;
        }
        demo.step(open.status() == 200, "POST /business-days/" + date + "/open", open);
        if (day != 1 || !frontMonths.containsKey("TKFRC")) {
            return;
        }
        String tkfrc = frontMonths.get("TKFRC").path("id").asText();
        List<Map<String, Object>> trades = List.of(
                DemoTrades.trade("DEMO-" + date + "-1", tkfrc, 1, "54.80", "ALPHA-H", "BRAVO-CN", date));
        Response batch = demo.call(backOffice, "POST", clearing + "/trades/batch", trades, null);
        demo.step(batch.status() == 200 && read(batch).path("rejected").asInt(-1) == 0,
                "POST /trades/batch " + date + ": ALPHA-H buys 1 " + tkfrc + " at 54.80 (settles at 54.50)", batch);
    }

    /** Settlement prices for every front month still trading on the date (on its last day the index settles it). */
    private void publishPrices(String backOffice, LocalDate date, int day, Map<String, JsonNode> frontMonths) {
        List<Map<String, Object>> prices = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        frontMonths.forEach((family, instrument) -> {
            if (date.isBefore(LocalDate.parse(instrument.path("lastTradingDay").asText()))) {
                BigDecimal price = PRICES.get(family).on(day);
                prices.add(Map.of("instrumentId", instrument.path("id").asText(), "price", price));
                shown.add(instrument.path("id").asText() + " " + price.toPlainString());
            }
        });
        if (prices.isEmpty()) {
            return;
        }
        Response response = demo.call(backOffice, "POST", settlement + "/settlement-prices/" + date, prices, null);
        boolean ok = response.status() == 200 || response.status() == 201 || response.status() == 409;
        demo.step(ok, "POST /settlement-prices/" + date + " " + String.join(", ", shown)
                + (response.status() == 409 ? " (already settled earlier)" : ""), ok ? null : response);
    }

    /** The run waits until settlement-service has every trade event of the closed day: retried while it says so. */
    private boolean endOfDay(String backOffice, LocalDate date) {
        Response run = retryWhile(() -> demo.call(backOffice, "POST", settlement + "/end-of-day/" + date, null, null),
                r -> r.status() == 409);
        JsonNode view = read(run);
        boolean ok = run.status() == 200 || run.status() == 201;
        List<String> totals = new ArrayList<>();
        for (JsonNode total : view.path("totals")) {
            totals.add(total.path("kind").asText() + " " + total.path("currency").asText() + " paid "
                    + money(total.path("paid")) + " / received " + money(total.path("received")));
        }
        demo.step(ok, "POST /end-of-day/" + date + ": " + view.path("accounts").asInt() + " accounts; "
                + (totals.isEmpty() ? "no cash" : String.join("; ", totals)) + " (net zero per currency)", run);
        return ok;
    }

    /**
     * BRAVO-S bought 10 GH100 at 2.600 with USD 10,000 of cash; the drop to 2.100 costs it USD 5,000 of variation
     * margin, leaving less than its initial margin: account-service calls for the deficit, BRAVO covers it.
     */
    private void marginCallAndCover(String backOffice, String alice, String bob) {
        if (bob == null) {
            return;
        }
        Response calls = retryWhile(() -> demo.call(bob, "GET", account + "/margin-calls?accountId=BRAVO-S", null, null),
                r -> r.status() == 200 && read(r).isEmpty());
        JsonNode call = read(calls).isArray() && !read(calls).isEmpty() ? read(calls).get(0) : null;
        demo.step(call != null, "bob sees the margin call on BRAVO-S after the variation margin debit: "
                + (call == null ? "none" : money(call.path("amount")) + " " + call.path("currency").asText()
                + " due " + call.path("deadline").asText() + " (" + call.path("status").asText() + ")"), calls);
        if (call == null) {
            return;
        }
        String callId = call.path("id").asText(call.path("callId").asText());
        if (alice != null) {
            Response hidden = demo.call(alice, "GET", account + "/margin-calls/" + callId, null, null);
            demo.step(hidden.status() == 404, "alice cannot see BRAVO's margin call: GET /margin-calls/" + callId
                    + " -> " + hidden.status(), hidden.status() == 404 ? null : hidden);
        }
        Map<String, Object> cover = Map.of("currency", "USD", "amount", new BigDecimal("5000.00"),
                "reference", "demo margin call cover");
        Response deposit = demo.call(backOffice, "POST", account + "/accounts/BRAVO-S/deposits", cover,
                "demo-bravo-s-cover-1");
        demo.step(deposit.status() == 201 || deposit.status() == 200, "POST /accounts/BRAVO-S/deposits 5,000.00 USD "
                + "(BRAVO wires the cover)", deposit);
        Response settled = retryWhile(() -> demo.call(bob, "GET", account + "/margin-calls/" + callId, null, null),
                r -> r.status() == 200 && !read(r).path("status").asText().equals("SETTLED"));
        demo.step(settled.status() == 200 && read(settled).path("status").asText().equals("SETTLED"),
                "the margin call is settled by the deposit (" + read(settled).path("status").asText() + ")", settled);
    }

    private void showFinalSettlements(String backOffice, Map<String, JsonNode> frontMonths) {
        for (JsonNode instrument : frontMonths.values()) {
            String id = instrument.path("id").asText();
            Response fsp = demo.call(backOffice, "GET", settlement + "/final-settlements/" + id, null, null);
            JsonNode view = read(fsp);
            demo.step(fsp.status() == 200, "final settlement of " + id + ": FSP " + view.path("finalSettlementPrice")
                    .asText("?") + " " + view.path("currency").asText("") + " (" + view.path("rule").asText("?")
                    + " of " + view.path("indexId").asText("?") + ")", fsp);
            Response closed = retryWhile(() -> demo.call(backOffice, "GET",
                    clearing + "/catalogue/instruments/" + id + "/final-settlement", null, null), r -> r.status() == 404);
            demo.step(closed.status() == 200, "clearing-service closed " + read(closed).path("positionsClosed").asText("?")
                    + " positions of " + id + " at the final settlement price", closed);
        }
    }

    private void showStatement(String token, String who, String accountId, LocalDate date) {
        if (token == null) {
            return;
        }
        Response statement = demo.call(token, "GET", settlement + "/statements/" + accountId + "/" + date, null, null);
        demo.step(statement.status() == 200, who + " reads the statement of " + accountId + " for " + date, statement);
        if (statement.status() != 200) {
            return;
        }
        JsonNode body = read(statement);
        for (JsonNode position : body.path("positions")) {
            out.println("      " + position.path("instrumentId").asText() + ": start " + position.path("startOfDay")
                    + ", bought " + position.path("bought") + ", sold " + position.path("sold") + ", end "
                    + position.path("endOfDay") + "; price " + position.path("previousPrice").asText("-") + " -> "
                    + position.path("settlementPrice").asText() + " (" + position.path("priceKind").asText() + "); VM "
                    + money(position.path("variationMargin")) + ", final " + money(position.path("finalSettlement"))
                    + " " + position.path("currency").asText());
        }
        for (JsonNode total : body.path("totals")) {
            out.println("      total " + total.path("currency").asText() + " " + money(total.path("total")));
        }
        JsonNode collateral = body.path("collateral");
        if (collateral.isObject()) {
            out.println("      collateral " + money(collateral.path("collateralValue")) + " " + collateral.path("baseCurrency")
                    .asText() + ", requirement " + money(collateral.path("requirement")) + ", excess "
                    + money(collateral.path("excess")));
        }
        Response csv = demo.call(token, "GET", settlement + "/statements/" + accountId + "/" + date + "?format=csv",
                null, null);
        demo.step(csv.status() == 200 && csv.body().lines().count() > 1, "the same statement as CSV ("
                + csv.body().lines().count() + " lines)", csv);
    }

    private Response retryWhile(java.util.function.Supplier<Response> request, Predicate<Response> notYet) {
        long deadline = System.nanoTime() + EVENTS_TIMEOUT.toNanos();
        Response response = request.get();
        while (notYet.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = request.get();
        }
        return response;
    }

    private JsonNode read(Response response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static String money(JsonNode value) {
        return value.isNumber() ? String.format("%,.2f", value.decimalValue()) : value.asText("-");
    }

    /** The first day's price, the second day's, then a rise of {@code step} a day. */
    private record PricePath(String first, String second, String step) {
        BigDecimal on(int day) {
            if (day == 0) {
                return new BigDecimal(first);
            }
            return new BigDecimal(second).add(new BigDecimal(step).multiply(BigDecimal.valueOf(day - 1)))
                    .setScale(new BigDecimal(first).scale(), RoundingMode.UNNECESSARY);
        }
    }
}
