package io.computeclearing.systemtest;

import io.computeclearing.client.Catalogue;
import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.SettlementPrices;
import io.computeclearing.client.Trades;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business day after the demo month (the first weekday after its front months' last trading day) and what is
 * traded on it: the next contract month of each family (its last trading day later than this day, so no final
 * settlement is due), one trade through FIXML and four JSON batches, sent around a service stop and a broker stop.
 */
final class DayAfterTheMonth {

    static final String GH100 = "GH100";
    static final String GB200 = "GB200";
    static final String TKFRC = "TKFRC";

    final LocalDate date;
    /** Family symbol to the contract month traded on {@link #date}. */
    final Map<String, String> instruments;

    private DayAfterTheMonth(LocalDate date, Map<String, String> instruments) {
        this.date = date;
        this.instruments = instruments;
    }

    /**
     * The first business day of the demo month: today (UTC), or the next Monday when today is a Saturday or Sunday, so
     * that the run does not depend on the weekday CI happens to run on.
     */
    static LocalDate firstBusinessDay() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Finds the day from clearing's catalogue the way the demo found its front months: per family, the contract month
     * expiring first among those not expired before the demo's first business day; the day is the first weekday after
     * the latest of them.
     */
    static DayAfterTheMonth from(ClearingHouse backOffice, LocalDate today) {
        Map<String, List<Catalogue.Instrument>> catalogue = new LinkedHashMap<>();
        LocalDate monthEnd = today;
        for (String family : List.of(GH100, GB200, TKFRC)) {
            List<Catalogue.Instrument> instruments = backOffice.catalogue().instruments(family, null);
            catalogue.put(family, instruments);
            LocalDate front = null;
            for (Catalogue.Instrument instrument : instruments) {
                LocalDate lastTradingDay = instrument.lastTradingDay();
                if (!lastTradingDay.isBefore(today) && (front == null || lastTradingDay.isBefore(front))) {
                    front = lastTradingDay;
                }
            }
            if (front == null) {
                throw new IllegalStateException("clearing lists no current " + family + " contract month: " + instruments);
            }
            monthEnd = front.isAfter(monthEnd) ? front : monthEnd;
        }
        LocalDate day = monthEnd.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        Map<String, String> next = new LinkedHashMap<>();
        for (Map.Entry<String, List<Catalogue.Instrument>> family : catalogue.entrySet()) {
            String chosen = null;
            LocalDate chosenLastDay = null;
            for (Catalogue.Instrument instrument : family.getValue()) {
                LocalDate lastTradingDay = instrument.lastTradingDay();
                if (lastTradingDay.isAfter(day) && (chosenLastDay == null || lastTradingDay.isBefore(chosenLastDay))) {
                    chosen = instrument.id();
                    chosenLastDay = lastTradingDay;
                }
            }
            if (chosen == null) {
                throw new IllegalStateException("no " + family.getKey() + " contract month trades after " + day);
            }
            next.put(family.getKey(), chosen);
        }
        return new DayAfterTheMonth(day, next);
    }

    String gh100() {
        return instruments.get(GH100);
    }

    String gb200() {
        return instruments.get(GB200);
    }

    String tkfrc() {
        return instruments.get(TKFRC);
    }

    /** A matched trade as the exchange reports it: {@code buyer} buys {@code quantity} from {@code seller}. */
    record Trade(String exchangeTradeId, String instrumentId, long quantity, BigDecimal price, String buyer,
                 String seller) {

        Trades.TradeReport report(LocalDate businessDate) {
            return new Trades.TradeReport(exchangeTradeId, instrumentId, quantity, price, buyer, seller,
                    businessDate.atTime(1, 0).toInstant(ZoneOffset.UTC), businessDate);
        }
    }

    Trade trade(String id, String instrumentId, long quantity, String price, String buyer, String seller) {
        return new Trade("SYS-" + date + "-" + id, instrumentId, quantity, new BigDecimal(price), buyer, seller);
    }

    /** F1, through FIXML: ALPHA-H buys 25 GH100 at 2.605 from BRAVO-H. */
    Trade fixmlTrade() {
        return trade("F1", gh100(), 25, "2.605", "ALPHA-H", "BRAVO-H");
    }

    /** Batch A, everything running: ALPHA-C (omnibus) buys 8 GB200 from BRAVO-H; BRAVO-S buys 4 GH100 from ALPHA-C. */
    List<Trade> batchA() {
        return List.of(trade("A1", gb200(), 8, "5.300", "ALPHA-C", "BRAVO-H"),
                trade("A2", gh100(), 4, "2.650", "BRAVO-S", "ALPHA-C"));
    }

    /** Batch B, settlement-service stopped. */
    List<Trade> batchB() {
        return List.of(trade("B1", gh100(), 10, "2.610", "BRAVO-H", "ALPHA-H"),
                trade("B2", gh100(), 3, "2.640", "ALPHA-C", "BRAVO-H"),
                trade("B3", tkfrc(), 2, "55.10", "ALPHA-H", "BRAVO-CN"));
    }

    /** Batch C, sent just before the broker stops: its events are in the outbox or in flight when it goes. */
    List<Trade> batchC() {
        return List.of(trade("C1", gb200(), 5, "5.210", "BRAVO-H", "ALPHA-C"),
                trade("C2", tkfrc(), 1, "55.35", "BRAVO-CN", "ALPHA-H"));
    }

    /** Batch D, while the broker is down. */
    List<Trade> batchD() {
        return List.of(trade("D1", gb200(), 6, "5.150", "ALPHA-H", "BRAVO-S"),
                trade("D2", gh100(), 2, "2.700", "BRAVO-S", "ALPHA-H"));
    }

    /** The day's settlement prices: GH100 2.700, GB200 5.200 USD, TKFRC 55.50 CNY (all on their tick grids). */
    List<SettlementPrices.NewPrice> settlementPrices() {
        return List.of(new SettlementPrices.NewPrice(gh100(), new BigDecimal("2.700")),
                new SettlementPrices.NewPrice(gb200(), new BigDecimal("5.200")),
                new SettlementPrices.NewPrice(tkfrc(), new BigDecimal("55.50")));
    }

    /**
     * A FIX 5.0 SP2 TradeCaptureReport (35=AE) in abbreviated FIXML, shaped like clearing-service's sample message:
     * the instrument by clearing symbol and contract month, each side's clearing firm (R=4) and account (R=24).
     */
    String fixml(Trade trade) {
        String contractMonth = trade.instrumentId().substring(trade.instrumentId().indexOf('-') + 1);
        String family = trade.instrumentId().substring(0, trade.instrumentId().indexOf('-'));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <FIXML xmlns="http://www.fixprotocol.org/FIXML-5-0-SP2" v="5.0 SP2" xv="268" cv="XCHG.0001" s="%1$s">
                    <TrdCaptRpt RptID="RPT-%2$s" TrdID="%2$s" TransTyp="0" RptTyp="0" TrdTyp="0"
                                LastQty="%3$d" LastPx="%4$s" TrdDt="%1$s" BizDt="%1$s"
                                TxnTm="%1$sT01:00:00.000Z" MtchStat="0" VenuTyp="E">
                        <Hdr SID="XCHG" TID="CCCP" Snt="%1$sT01:00:00.250Z"/>
                        <Instrmt ID="%5$s" Src="H" SecTyp="FUT" MMY="%6$s" Exch="XCHG"/>
                        <RptSide Side="1" PosEfct="O">
                            <Pty ID="%7$s" R="1"/>
                            <Pty ID="%7$s" R="4"/>
                            <Pty ID="CCCP" R="21"/>
                            <Pty ID="%8$s" R="24"/>
                        </RptSide>
                        <RptSide Side="2" PosEfct="O">
                            <Pty ID="%9$s" R="1"/>
                            <Pty ID="%9$s" R="4"/>
                            <Pty ID="CCCP" R="21"/>
                            <Pty ID="%10$s" R="24"/>
                        </RptSide>
                    </TrdCaptRpt>
                </FIXML>
                """.formatted(date, trade.exchangeTradeId(), trade.quantity(), trade.price().toPlainString(), family,
                contractMonth, member(trade.buyer()), trade.buyer(), member(trade.seller()), trade.seller());
    }

    private static String member(String accountId) {
        return accountId.substring(0, accountId.indexOf('-'));
    }
}
