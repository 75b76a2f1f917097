package io.computeclearing.clearing.fixml;

import io.computeclearing.clearing.fixml.FixmlTradeReport.Problem;
import io.computeclearing.clearing.fixml.FixmlTradeReport.TradeIdSource;
import io.computeclearing.clearing.fixml.FixmlTradeReport.TransactionType;
import io.computeclearing.clearing.trade.TradeSubmission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field rules of a {@code TrdCaptRpt}: each attribute is read into its {@link TradeSubmission} field, and every
 * value that is missing or malformed becomes a {@link Problem} rather than an exception, so that all of a report's
 * faults are reported at once. The same rules hold for new, cancel and replace reports: a cancel must still describe
 * the trade it cancels, so that the CCP can check it against the trade on its books.
 */
final class TrdCaptRptMapping {

    /** FIX {@code float}: optional minus, digits, optional decimal point; no exponent, no plus sign. */
    private static final Pattern FIX_DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern CONTRACT_MONTH = Pattern.compile("\\d{6}(\\d{2})?");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern BASIC_DATE = Pattern.compile("\\d{8}");
    /** FIX tag=value UTCTimestamp, {@code YYYYMMDD-HH:MM:SS[.sss]}, always UTC. */
    private static final DateTimeFormatter FIX_UTC_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuuMMdd-HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final String BUY = "1";
    private static final String SELL = "2";
    private static final String CLEARING_FIRM = "4";
    private static final String CUSTOMER_ACCOUNT = "24";

    private final List<Problem> problems = new ArrayList<>();

    private TrdCaptRptMapping() {
    }

    static FixmlTradeReport map(int position, TrdCaptRptElement report) {
        return new TrdCaptRptMapping().mapReport(position, report);
    }

    private FixmlTradeReport mapReport(int position, TrdCaptRptElement report) {
        Map<String, String> a = report.attributes();
        String reportId = required(a, "RptID");
        TransactionType transactionType = transactionType(a.get("TransTyp"));

        TradeIdSource tradeIdSource = null;
        String exchangeTradeId = a.get("TrdID");
        if (exchangeTradeId != null) {
            tradeIdSource = TradeIdSource.TRD_ID;
        } else if (a.get("ExecID") != null) {
            exchangeTradeId = a.get("ExecID");
            tradeIdSource = TradeIdSource.EXEC_ID;
        } else {
            problem("TrdID", "missing, and no ExecID to fall back on");
        }

        String instrumentId = instrumentId(report.instruments());
        Long quantity = quantity(a.get("LastQty"));
        BigDecimal price = price(a.get("LastPx"));
        LocalDate tradeDate = a.get("TrdDt") == null ? null : date("TrdDt", a.get("TrdDt"));
        LocalDate businessDate = required(a, "BizDt") == null ? null : date("BizDt", a.get("BizDt"));
        Instant tradeTime = required(a, "TxnTm") == null ? null : timestamp("TxnTm", a.get("TxnTm"));

        List<TrdCaptRptElement.RptSide> buys = sides(report.sides(), BUY);
        List<TrdCaptRptElement.RptSide> sells = sides(report.sides(), SELL);
        checkSides(report.sides(), buys.size(), sells.size());
        TrdCaptRptElement.RptSide buy = buys.size() == 1 ? buys.getFirst() : null;
        TrdCaptRptElement.RptSide sell = sells.size() == 1 ? sells.getFirst() : null;

        String buyerAccountId = account(buy, "buy side (Side=1)");
        String sellerAccountId = account(sell, "sell side (Side=2)");
        String buyClearingFirmId = clearingFirm(buy, "buy side (Side=1)");
        String sellClearingFirmId = clearingFirm(sell, "sell side (Side=2)");

        TradeSubmission trade = new TradeSubmission(exchangeTradeId, instrumentId, quantity, price, buyerAccountId,
                sellerAccountId, tradeTime, businessDate);
        return new FixmlTradeReport(position, reportId, transactionType, a.get("TrdTyp"), tradeIdSource, tradeDate,
                trade, buyClearingFirmId, sellClearingFirmId, problems);
    }

    private TransactionType transactionType(String value) {
        if (value == null) {
            return TransactionType.NEW; // FIX: TradeReportTransType absent means New
        }
        for (TransactionType type : TransactionType.values()) {
            if (type.fixCode().equals(value)) {
                return type;
            }
        }
        problem("TransTyp", "'" + value + "' is not 0 (New), 1 (Cancel) or 2 (Replace)");
        return null;
    }

    /** {@code SYMBOL-YYYYMM} from {@code ID} (or {@code Sym}) and {@code MMY}. */
    private String instrumentId(List<Map<String, String>> instruments) {
        if (instruments.isEmpty()) {
            problem("Instrmt", "missing");
            return null;
        }
        if (instruments.size() > 1) {
            problem("Instrmt", "a trade capture report names one instrument, found " + instruments.size());
            return null;
        }
        Map<String, String> instrument = instruments.getFirst();
        String symbolField = instrument.containsKey("ID") ? "ID" : "Sym";
        String symbol = instrument.get(symbolField);
        if (symbol == null) {
            problem("Instrmt", "needs ID (or Sym) naming the contract, for example ID=\"GH100\"");
        } else if (!SYMBOL.matcher(symbol).matches()) {
            problem(symbolField, "'" + symbol + "' is not a contract symbol (letters and digits only)");
            symbol = null;
        }
        String month = contractMonth(instrument.get("MMY"));
        return symbol == null || month == null ? null : symbol + "-" + month;
    }

    /** FIX MonthYear: {@code YYYYMM}, or {@code YYYYMMDD} for a dated contract, of which the month is kept. */
    private String contractMonth(String mmy) {
        if (mmy == null) {
            problem("MMY", "missing");
            return null;
        }
        boolean valid = CONTRACT_MONTH.matcher(mmy).matches();
        if (valid) {
            int month = Integer.parseInt(mmy.substring(4, 6));
            valid = month >= 1 && month <= 12 && (mmy.length() == 6 || parses(mmy, DateTimeFormatter.BASIC_ISO_DATE));
        }
        if (!valid) {
            problem("MMY", "must be YYYYMM (or YYYYMMDD), was '" + mmy + "'");
            return null;
        }
        return mmy.substring(0, 6);
    }

    private Long quantity(String value) {
        if (value == null) {
            problem("LastQty", "missing");
            return null;
        }
        if (!FIX_DECIMAL.matcher(value).matches()) {
            problem("LastQty", "'" + value + "' is not a whole number of contracts");
            return null;
        }
        BigDecimal quantity = new BigDecimal(value);
        if (quantity.signum() <= 0) {
            problem("LastQty", "must be positive, was '" + value + "'");
            return null;
        }
        if (quantity.stripTrailingZeros().scale() > 0) {
            problem("LastQty", "'" + value + "' is not a whole number of contracts");
            return null;
        }
        if (quantity.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problem("LastQty", "'" + value + "' is too large");
            return null;
        }
        return quantity.longValueExact();
    }

    /** The price exactly as sent, scale included; zero and negative prices are legitimate. */
    private BigDecimal price(String value) {
        if (value == null) {
            problem("LastPx", "missing");
            return null;
        }
        if (!FIX_DECIMAL.matcher(value).matches()) {
            problem("LastPx", "'" + value + "' is not a decimal");
            return null;
        }
        return new BigDecimal(value);
    }

    /** FIXML writes dates as {@code YYYY-MM-DD} (xs:date); the tag=value form {@code YYYYMMDD} is accepted too. */
    private LocalDate date(String field, String value) {
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (BASIC_DATE.matcher(value).matches()) {
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        return null;
    }

    /**
     * FIX UTCTimestamp: ISO with an offset ({@code 2026-11-24T14:30:00.123-06:00}, {@code ...Z}), ISO without one
     * (UTC, as FIX defines the type), or the tag=value form {@code 20261124-20:30:00.123} (UTC).
     */
    private Instant timestamp(String field, String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notIsoLocal) {
                try {
                    return LocalDateTime.parse(value, FIX_UTC_TIMESTAMP).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notTagValue) {
                    problem(field, "'" + value + "' is not a timestamp (for example 2026-11-24T14:30:00.123-06:00)");
                    return null;
                }
            }
        }
    }

    private static List<TrdCaptRptElement.RptSide> sides(List<TrdCaptRptElement.RptSide> sides, String side) {
        return sides.stream().filter(s -> side.equals(s.attributes().get("Side"))).toList();
    }

    private void checkSides(List<TrdCaptRptElement.RptSide> sides, int buys, int sells) {
        for (TrdCaptRptElement.RptSide side : sides) {
            String code = side.attributes().get("Side");
            if (code == null) {
                problem("RptSide", "Side missing");
            } else if (!BUY.equals(code) && !SELL.equals(code)) {
                problem("RptSide", "Side '" + code + "' is not 1 (buy) or 2 (sell)");
            }
        }
        if (buys != 1 || sells != 1) {
            problem("RptSide", "needs one buy (Side=1) and one sell (Side=2) side, found " + count(buys, sells));
        }
    }

    private static String count(int buys, int sells) {
        String buyCount = buys == 0 ? null : buys + (buys == 1 ? " buy" : " buys");
        String sellCount = sells == 0 ? null : sells + (sells == 1 ? " sell" : " sells");
        if (buyCount == null && sellCount == null) {
            return "none";
        }
        if (buyCount == null || sellCount == null) {
            return buyCount == null ? sellCount : buyCount;
        }
        return buyCount + " and " + sellCount;
    }

    /** {@code RptSide/@Acct} when present, else the customer account party ({@code Pty R="24"}). */
    private String account(TrdCaptRptElement.RptSide side, String which) {
        if (side == null) {
            return null;
        }
        String account = side.attributes().get("Acct");
        if (account == null) {
            account = side.parties().stream()
                    .filter(p -> CUSTOMER_ACCOUNT.equals(p.role()) && p.id() != null)
                    .map(TrdCaptRptElement.Party::id)
                    .findFirst().orElse(null);
        }
        if (account == null) {
            problem("Acct", "no account on the " + which + ": needs Acct or Pty R=\"24\"");
        }
        return account;
    }

    /** The clearing firm ({@code Pty R="4"}); optional, but a side naming two is contradictory. */
    private String clearingFirm(TrdCaptRptElement.RptSide side, String which) {
        if (side == null) {
            return null;
        }
        List<String> firms = side.parties().stream()
                .filter(p -> CLEARING_FIRM.equals(p.role()) && p.id() != null)
                .map(TrdCaptRptElement.Party::id)
                .distinct()
                .toList();
        if (firms.size() > 1) {
            problem("Pty", "the " + which + " names " + firms.size() + " clearing firms (R=\"4\"): " + firms);
            return null;
        }
        return firms.isEmpty() ? null : firms.getFirst();
    }

    private String required(Map<String, String> attributes, String field) {
        String value = attributes.get(field);
        if (value == null) {
            problem(field, "missing");
        }
        return value;
    }

    private void problem(String field, String message) {
        problems.add(new Problem(field, message));
    }

    private static boolean parses(String value, DateTimeFormatter format) {
        try {
            format.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
