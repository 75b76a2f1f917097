package io.computeclearing.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computeclearing.localstack.Demo.Response;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's trading part: the back office opens today's business date and reports five matched trades between the
 * two demo members (GPU-hour futures in USD, a token future in CNY); the CCP novates them into positions, which each
 * member reads for its own accounts only. Exchange trade ids are fixed per date, so a second run is acknowledged as
 * duplicates and changes nothing.
 */
final class DemoTrades {

    private final Demo demo;
    private final PrintStream out;
    private final ObjectMapper json;
    private final String clearing;
    private final LocalDate today;

    DemoTrades(Demo demo, PrintStream out, ObjectMapper json, String clearingService, LocalDate today) {
        this.today = today;
        this.demo = demo;
        this.out = out;
        this.json = json;
        this.clearing = clearingService;
    }

    /**
     * The front month of each family traded (by family symbol; empty if they cannot be found), and whether today's
     * trades were reported now: not when today's business date was closed by an earlier demo run.
     */
    record TradingDay(Map<String, JsonNode> frontMonths, boolean traded) {
    }

    TradingDay run(String backOffice, String alice, String bob) {
        Map<String, JsonNode> frontMonths = new LinkedHashMap<>();
        for (String family : List.of("GH100", "GB200", "TKFRC")) {
            JsonNode instrument = frontMonth(backOffice, family);
            if (instrument == null) {
                return new TradingDay(Map.of(), false);
            }
            frontMonths.put(family, instrument);
        }
        Response open = demo.call(backOffice, "POST", clearing + "/business-days/" + today + "/open", null, null);
        if (open.status() == 409) {
            demo.pass("business date " + today + " was closed by an earlier demo run: its trades are in the book");
            return new TradingDay(frontMonths, false);
        }
        demo.step(open.status() == 200, "POST /business-days/" + today + "/open (clearing-service)", open);

        String gh100 = frontMonths.get("GH100").path("id").asText();
        String gb200 = frontMonths.get("GB200").path("id").asText();
        String tkfrc = frontMonths.get("TKFRC").path("id").asText();
        String id = "DEMO-" + today + "-";
        List<Map<String, Object>> trades = List.of(
                trade(id + "1", gh100, 10, "2.605", "ALPHA-H", "BRAVO-H", today),
                trade(id + "2", gb200, 5, "5.300", "ALPHA-C", "BRAVO-H", today),
                trade(id + "3", gb200, 3, "5.315", "BRAVO-H", "ALPHA-C", today),
                trade(id + "4", tkfrc, 2, "55.05", "BRAVO-CN", "ALPHA-H", today),
                trade(id + "5", gh100, 10, "2.600", "BRAVO-S", "ALPHA-C", today));
        Response batch = demo.call(backOffice, "POST", clearing + "/trades/batch", trades, null);
        demo.step(batch.status() == 200 && read(batch).path("rejected").asInt(-1) == 0,
                "POST /trades/batch 5 trades: " + summary(batch), batch);

        if (alice != null) {
            showPositions(alice, "alice (member ALPHA)", "ALPHA-H");
            showPositions(alice, "alice (member ALPHA)", "ALPHA-C");
        }
        if (bob != null) {
            Response other = demo.call(bob, "GET", clearing + "/positions?accountId=ALPHA-H", null, null);
            boolean hidden = other.status() == 404 || (other.status() == 200 && read(other).isEmpty());
            demo.step(hidden, "bob cannot see ALPHA's positions: GET /positions?accountId=ALPHA-H -> "
                    + (other.status() == 200 ? "empty" : other.status()), other);
        }
        Response openInterest = demo.call(backOffice, "GET", clearing + "/open-interest", null, null);
        List<String> lines = new ArrayList<>();
        boolean flat = openInterest.status() == 200;
        for (JsonNode instrument : read(openInterest)) {
            flat &= instrument.path("netSum").asLong() == 0;
            if (instrument.path("totalLong").asLong() > 0) {
                lines.add(instrument.path("instrumentId").asText() + " long " + instrument.path("totalLong").asLong()
                        + " / short " + instrument.path("totalShort").asLong());
            }
        }
        demo.step(flat, "the CCP's book is flat (net sum 0 per instrument); open interest " + lines, openInterest);
        return new TradingDay(frontMonths, true);
    }

    /**
     * The family's contract month that expires first among those not expired before today (whatever its status: after
     * an earlier demo run it may be settled already, and the demo then replays that month).
     */
    private JsonNode frontMonth(String token, String family) {
        Response instruments = demo.call(token, "GET", clearing + "/catalogue/instruments?family=" + family, null, null);
        JsonNode first = null;
        for (JsonNode instrument : read(instruments)) {
            boolean current = !LocalDate.parse(instrument.path("lastTradingDay").asText()).isBefore(today);
            if (current && (first == null || instrument.path("id").asText().compareTo(first.path("id").asText()) < 0)) {
                first = instrument;
            }
        }
        if (instruments.status() != 200 || first == null) {
            demo.step(false, "GET /catalogue/instruments?family=" + family + " (a contract month not yet expired)",
                    instruments);
        }
        return first;
    }

    private void showPositions(String token, String who, String accountId) {
        Response positions = demo.call(token, "GET", clearing + "/positions?accountId=" + accountId, null, null);
        List<String> lines = new ArrayList<>();
        for (JsonNode position : read(positions)) {
            lines.add(position.path("instrumentId").asText() + (position.path("gross").asBoolean()
                    ? " long " + position.path("longQuantity").asLong() + " short " + position.path("shortQuantity").asLong()
                    : " net " + position.path("netQuantity").asLong()));
        }
        demo.step(positions.status() == 200 && !lines.isEmpty(), who + " reads positions of " + accountId, positions);
        if (!lines.isEmpty()) {
            out.println("      " + String.join("; ", lines));
        }
    }

    static Map<String, Object> trade(String exchangeTradeId, String instrumentId, long quantity, String price,
                                             String buyer, String seller, LocalDate businessDate) {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("exchangeTradeId", exchangeTradeId);
        trade.put("instrumentId", instrumentId);
        trade.put("quantity", quantity);
        trade.put("price", new BigDecimal(price));
        trade.put("buyerAccountId", buyer);
        trade.put("sellerAccountId", seller);
        trade.put("tradeTime", businessDate.atTime(1, 0).toInstant(ZoneOffset.UTC).toString());
        trade.put("businessDate", businessDate.toString());
        return trade;
    }

    private String summary(Response batch) {
        JsonNode result = read(batch);
        return result.path("accepted").asInt() + " accepted, " + result.path("duplicates").asInt()
                + " already cleared, " + result.path("rejected").asInt() + " rejected";
    }

    private JsonNode read(Response response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
