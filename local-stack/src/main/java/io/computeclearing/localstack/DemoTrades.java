package io.computeclearing.localstack;

import io.computeclearing.client.BusinessDays;
import io.computeclearing.client.Catalogue;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.Positions;
import io.computeclearing.client.Trades;
import io.computeclearing.localstack.Demo.Answer;

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
    private final LocalDate today;

    DemoTrades(Demo demo, PrintStream out, LocalDate today) {
        this.today = today;
        this.demo = demo;
        this.out = out;
    }

    /**
     * The front month of each family traded (by family symbol; empty if they cannot be found), and whether today's
     * trades were reported now: not when today's business date was closed by an earlier demo run.
     */
    record TradingDay(Map<String, Catalogue.Instrument> frontMonths, boolean traded) {
    }

    TradingDay run(ClearingHouse backOffice, ClearingHouse alice, ClearingHouse bob) {
        Map<String, Catalogue.Instrument> frontMonths = new LinkedHashMap<>();
        for (String family : List.of("GH100", "GB200", "TKFRC")) {
            Catalogue.Instrument instrument = frontMonth(backOffice, family);
            if (instrument == null) {
                return new TradingDay(Map.of(), false);
            }
            frontMonths.put(family, instrument);
        }
        Answer<BusinessDays.BusinessDay> open = Demo.attempt(() -> backOffice.businessDays().open(today));
        if (open.status() == 409) {
            demo.pass("business date " + today + " was closed by an earlier demo run: its trades are in the book");
            return new TradingDay(frontMonths, false);
        }
        demo.step(open.ok(), "POST /business-days/" + today + "/open (clearing-service)", open);

        String gh100 = frontMonths.get("GH100").id();
        String gb200 = frontMonths.get("GB200").id();
        String tkfrc = frontMonths.get("TKFRC").id();
        String id = "DEMO-" + today + "-";
        List<Trades.TradeReport> trades = List.of(
                trade(id + "1", gh100, 10, "2.605", "ALPHA-H", "BRAVO-H", today),
                trade(id + "2", gb200, 5, "5.300", "ALPHA-C", "BRAVO-H", today),
                trade(id + "3", gb200, 3, "5.315", "BRAVO-H", "ALPHA-C", today),
                trade(id + "4", tkfrc, 2, "55.05", "BRAVO-CN", "ALPHA-H", today),
                trade(id + "5", gh100, 10, "2.600", "BRAVO-S", "ALPHA-C", today));
        Answer<Trades.BatchResult> batch = Demo.attempt(() -> backOffice.trades().submitBatch(trades));
        demo.step(batch.ok() && batch.value().rejected() == 0,
                "POST /trades/batch 5 trades: " + summary(batch), batch);

        if (alice != null) {
            showPositions(alice, "alice (member ALPHA)", "ALPHA-H");
            showPositions(alice, "alice (member ALPHA)", "ALPHA-C");
        }
        if (bob != null) {
            Answer<List<Positions.Position>> other = Demo.attempt(() -> bob.positions()
                    .list(Positions.Filter.account("ALPHA-H")));
            boolean hidden = other.status() == 404 || (other.ok() && other.value().isEmpty());
            demo.step(hidden, "bob cannot see ALPHA's positions: GET /positions?accountId=ALPHA-H -> "
                    + (other.ok() ? "empty" : other.status()), other);
        }
        Answer<List<Positions.OpenInterest>> openInterest = Demo.attempt(() -> backOffice.positions().openInterest(null));
        List<String> lines = new ArrayList<>();
        boolean flat = openInterest.ok();
        for (Positions.OpenInterest instrument : openInterest.ok() ? openInterest.value() : List.<Positions.OpenInterest>of()) {
            flat &= instrument.netSum() == 0;
            if (instrument.totalLong() > 0) {
                lines.add(instrument.instrumentId() + " long " + instrument.totalLong() + " / short "
                        + instrument.totalShort());
            }
        }
        demo.step(flat, "the CCP's book is flat (net sum 0 per instrument); open interest " + lines, openInterest);
        return new TradingDay(frontMonths, true);
    }

    /**
     * The family's contract month that expires first among those not expired before today (whatever its status: after
     * an earlier demo run it may be settled already, and the demo then replays that month).
     */
    private Catalogue.Instrument frontMonth(ClearingHouse backOffice, String family) {
        Answer<List<Catalogue.Instrument>> instruments = Demo.attempt(() -> backOffice.catalogue()
                .instruments(family, null));
        Catalogue.Instrument first = null;
        for (Catalogue.Instrument instrument : instruments.ok() ? instruments.value() : List.<Catalogue.Instrument>of()) {
            boolean current = !instrument.lastTradingDay().isBefore(today);
            if (current && (first == null || instrument.id().compareTo(first.id()) < 0)) {
                first = instrument;
            }
        }
        if (!instruments.ok() || first == null) {
            demo.step(false, "GET /catalogue/instruments?family=" + family + " (a contract month not yet expired)",
                    instruments);
        }
        return first;
    }

    private void showPositions(ClearingHouse member, String who, String accountId) {
        Answer<List<Positions.Position>> positions = Demo.attempt(() -> member.positions()
                .list(Positions.Filter.account(accountId)));
        List<String> lines = new ArrayList<>();
        for (Positions.Position position : positions.ok() ? positions.value() : List.<Positions.Position>of()) {
            lines.add(position.instrumentId() + (position.gross()
                    ? " long " + position.longQuantity() + " short " + position.shortQuantity()
                    : " net " + position.netQuantity()));
        }
        demo.step(positions.ok() && !lines.isEmpty(), who + " reads positions of " + accountId, positions);
        if (!lines.isEmpty()) {
            out.println("      " + String.join("; ", lines));
        }
    }

    static Trades.TradeReport trade(String exchangeTradeId, String instrumentId, long quantity, String price,
                                    String buyer, String seller, LocalDate businessDate) {
        return new Trades.TradeReport(exchangeTradeId, instrumentId, quantity, new BigDecimal(price), buyer, seller,
                businessDate.atTime(1, 0).toInstant(ZoneOffset.UTC), businessDate);
    }

    private static String summary(Answer<Trades.BatchResult> batch) {
        if (!batch.ok()) {
            return "0 accepted, 0 already cleared, 0 rejected";
        }
        Trades.BatchResult result = batch.value();
        return result.accepted() + " accepted, " + result.duplicates() + " already cleared, " + result.rejected()
                + " rejected";
    }
}
