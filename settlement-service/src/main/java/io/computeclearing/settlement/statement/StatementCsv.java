package io.computeclearing.settlement.statement;

import io.computeclearing.platform.events.settlement.SettlementEvents.CashLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A statement as CSV (RFC 4180, CRLF line ends), in sections: each section starts with a header row whose first cell
 * is {@code section}, followed by its rows whose first cell names the section ({@code statement}, {@code position},
 * {@code total}, {@code initialMargin}, {@code collateral}, {@code cashMovement}, and on a day with intraday settlement
 * cycles {@code intradayCycle}, one row per cycle and instrument). Decimals are written plainly.
 */
final class StatementCsv {

    private StatementCsv() {
    }

    static String of(AccountStatement s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("section", "accountId", "memberId", "businessDate", "baseCurrency", "generatedAt"));
        rows.add(row("statement", s.accountId(), s.memberId(), s.businessDate(), s.baseCurrency(), s.generatedAt()));
        rows.add(List.of("section", "instrumentId", "currency", "startOfDay", "bought", "sold", "endOfDay",
                "previousPrice", "settlementPrice", "priceKind", "variationMargin", "finalSettlement"));
        for (AccountStatement.Position p : s.positions()) {
            rows.add(row("position", p.instrumentId(), p.currency(), p.startOfDay(), p.bought(), p.sold(),
                    p.endOfDay(), p.previousPrice(), p.settlementPrice(), p.priceKind(), p.variationMargin(),
                    p.finalSettlement()));
        }
        rows.add(List.of("section", "currency", "variationMargin", "finalSettlement", "total"));
        for (AccountStatement.CurrencyTotal t : s.totals()) {
            rows.add(row("total", t.currency(), t.variationMargin(), t.finalSettlement(), t.total()));
        }
        rows.add(List.of("section", "currency", "initialMargin", "maintenanceMargin", "calculatedAt"));
        for (AccountStatement.InitialMargin m : s.initialMargin()) {
            rows.add(row("initialMargin", m.currency(), m.initialMargin(), m.maintenanceMargin(), m.calculatedAt()));
        }
        rows.add(List.of("section", "baseCurrency", "collateralValue", "requirement", "excess", "assessedAt"));
        if (s.collateral() != null) {
            AccountStatement.Collateral c = s.collateral();
            rows.add(row("collateral", c.baseCurrency(), c.collateralValue(), c.requirement(), c.excess(),
                    c.assessedAt()));
        }
        rows.add(List.of("section", "entryId", "movement", "asset", "quantity", "recordedAt"));
        for (AccountStatement.CashMovement m : s.cashMovements()) {
            rows.add(row("cashMovement", m.entryId(), m.movement(), m.asset(), m.quantity(), m.recordedAt()));
        }
        if (s.intradayCycles() != null && !s.intradayCycles().isEmpty()) {
            rows.add(List.of("section", "cycleId", "runAt", "currency", "instrumentId", "startOfCycle", "endOfCycle",
                    "previousPrice", "cyclePrice", "variationMargin"));
            for (AccountStatement.CyclePosting c : s.intradayCycles()) {
                for (CashLine line : c.lines()) {
                    rows.add(row("intradayCycle", c.cycleId(), c.runAt(), c.currency(), line.instrumentId(),
                            line.startOfDayPosition(), line.endOfDayPosition(), line.previousPrice(),
                            line.settlementPrice(), line.amount()));
                }
            }
        }
        StringBuilder csv = new StringBuilder();
        for (List<Object> row : rows) {
            csv.append(String.join(",", row.stream().map(StatementCsv::cell).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : Objects.toString(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
