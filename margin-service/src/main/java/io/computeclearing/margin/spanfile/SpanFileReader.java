package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.parameters.RiskParameterSet;
import io.computeclearing.margin.span.RiskArray;
import io.computeclearing.margin.span.ScenarioGrid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a SPAN risk parameter file (XML format 4.00) into {@link SpanFileContent}, refusing what margin-service cannot
 * margin exactly as the file says: a 400 for a malformed file (not well-formed, a DOCTYPE, another root or format, a
 * missing element or a value that is not a number), a 422 for an inconsistent one. Consistency means:
 * <ul>
 *   <li>the standard 16-point scenario grid (scenarios 1-14 as in SPAN, 15 and 16 the same extreme move up and down
 *       with one weight);</li>
 *   <li>futures only: no option portfolios;</li>
 *   <li>inter-commodity spreads between whole combined commodities (see {@link InterCommoditySpreadDefinition});</li>
 *   <li>per combined commodity a futures portfolio linked to an index portfolio, one currency, the three account types'
 *       initial/maintenance ratios (at least 1), one flat rate on one-to-one spreads between every pair of tiers;</li>
 *   <li>every month's scan range {@code |p| x fraction} (the fraction the index portfolio gives,
 *       {@code priceScan / p}), or the family's floor where that is larger (one floor for all such months, and
 *       applied to every month below it; without a floor a zero price scans at the reference price), and its risk
 *       array exactly the one margin-service builds from it ({@code -move x range x cvf x weight}, to the cent, composite delta 1);</li>
 *   <li>values within the precision risk parameters are stored at.</li>
 * </ul>
 */
public final class SpanFileReader {

    private static final Pattern FAMILY = Pattern.compile("[A-Z0-9]{2,16}");
    private static final int RISK_ARRAY_SCALE = 2;

    /** Reads and checks the file. */
    public SpanFileContent read(String document) {
        SpanXmlElement root = SpanXmlElement.parse(document, "spanFile");
        String format = root.text("fileFormat");
        if (!SpanFileWriter.FORMAT.equals(format)) {
            throw SpanFileProblems.malformed(root.path() + "/fileFormat",
                    "format '" + format + "' is not read; this service reads SPAN XML " + SpanFileWriter.FORMAT);
        }
        SpanXmlElement pointInTime = root.child("pointInTime");
        LocalDate businessDate = date(pointInTime);
        List<SpanXmlElement> orgs = pointInTime.children("clearingOrg");
        if (orgs.isEmpty()) {
            throw SpanFileProblems.malformed(pointInTime.path() + "/clearingOrg", "required element is missing");
        }
        List<SpanFileContent.Family> families = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SpanXmlElement org : orgs) {
            for (SpanFileContent.Family f : clearingOrg(org)) {
                if (!seen.add(f.family())) {
                    throw SpanFileProblems.inconsistent(org.path() + "/ccDef[" + f.family() + "]",
                            "combined commodity " + f.family() + " is defined twice");
                }
                families.add(f);
            }
        }
        return new SpanFileContent(businessDate, families, InterCommoditySpreadDefinition.read(orgs));
    }

    private static LocalDate date(SpanXmlElement pointInTime) {
        String text = pointInTime.text("date");
        try {
            return LocalDate.parse(text, SpanFileWriter.DATE);
        } catch (DateTimeParseException e) {
            throw SpanFileProblems.malformed(pointInTime.path() + "/date", "'" + text + "' is not a date YYYYMMDD");
        }
    }

    private static List<SpanFileContent.Family> clearingOrg(SpanXmlElement org) {
        ScenarioGrid grid = SpanGridDefinition.read(org.child("pointDef"));
        Map<Integer, String> accountTypeByRate = accountTypes(org);
        SpanXmlElement exchange = org.child("exchange");
        if (!exchange.children("oopPf").isEmpty()) {
            throw SpanFileProblems.inconsistent(exchange.children("oopPf").getFirst().path(),
                    "option portfolios are not cleared by this CCP; a file holds futures and their index only");
        }
        Map<String, SpanXmlElement> futPfs = byCode(exchange.children("futPf"));
        Map<String, SpanXmlElement> phyPfs = byCode(exchange.children("phyPf"));
        List<SpanFileContent.Family> families = new ArrayList<>();
        for (SpanXmlElement raw : org.children("ccDef")) {
            SpanXmlElement cc = raw.labelled(raw.text("cc"));
            families.add(family(cc, grid, accountTypeByRate, futPfs, phyPfs));
        }
        return families;
    }

    /** SPAN account type (H, O, S) per rate number, from the clearing organisation's {@code pbRateDef}s. */
    private static Map<Integer, String> accountTypes(SpanXmlElement org) {
        Map<Integer, String> byRate = new HashMap<>();
        for (SpanXmlElement def : org.children("pbRateDef")) {
            byRate.put(def.integer("r"), def.text("acctType"));
        }
        return byRate;
    }

    private static Map<String, SpanXmlElement> byCode(List<SpanXmlElement> portfolios) {
        Map<String, SpanXmlElement> byCode = new HashMap<>();
        for (SpanXmlElement pf : portfolios) {
            String code = pf.text("pfCode");
            if (byCode.put(code, pf.labelled(code)) != null) {
                throw SpanFileProblems.inconsistent(pf.labelled(code).path(), "portfolio " + code + " appears twice");
            }
        }
        return byCode;
    }

    private static SpanFileContent.Family family(SpanXmlElement cc, ScenarioGrid grid,
            Map<Integer, String> accountTypeByRate, Map<String, SpanXmlElement> futPfs,
            Map<String, SpanXmlElement> phyPfs) {
        String family = cc.text("cc");
        if (!FAMILY.matcher(family).matches()) {
            throw SpanFileProblems.inconsistent(cc.path() + "/cc",
                    "'" + family + "' is not a product family symbol (2 to 16 upper-case letters or digits)");
        }
        String currency = currency(cc);
        SpanXmlElement futPf = linkedFutures(cc, futPfs);
        if (!currency.equals(futPf.text("currency"))) {
            throw SpanFileProblems.inconsistent(futPf.path() + "/currency",
                    "futures portfolio in " + futPf.text("currency") + " but combined commodity in " + currency);
        }
        BigDecimal unit = futPf.decimal("cvf");
        if (unit.signum() <= 0) {
            throw SpanFileProblems.inconsistent(futPf.path() + "/cvf", "the contract unit must be positive");
        }
        scaleAtMost(futPf.path() + "/cvf", unit, 4);
        SpanXmlElement phy = index(futPf, phyPfs);
        BigDecimal reference = phy.decimal("p");
        if (reference.signum() <= 0) {
            throw SpanFileProblems.inconsistent(phy.path() + "/p", "the configured reference price must be positive; "
                    + "it scales the scan range of months without a settlement price");
        }
        scaleAtMost(phy.path() + "/p", reference, 6);
        BigDecimal indexScan = phy.child("scanRate").decimal("priceScan");
        if (indexScan.signum() <= 0) {
            throw SpanFileProblems.inconsistent(phy.path() + "/scanRate/priceScan", "must be positive");
        }
        BigDecimal fraction = exactFraction(phy.path() + "/scanRate/priceScan", indexScan, reference);

        List<SpanFileContent.Contract> contracts = contracts(futPf, grid, reference, fraction, unit);
        BigDecimal floor = floor(futPf, contracts, reference, fraction, unit);
        List<SpanXmlElement> tiers = cc.optionalChild("intraTiers").map(t -> t.children("tier")).orElse(List.of());
        BigDecimal intra = CalendarSpreadDefinition.read(cc, family, tiers);
        BigDecimal[] ratios = ratios(cc, accountTypeByRate);
        return new SpanFileContent.Family(family, currency, unit, reference, fraction, grid.extremeMultiple(),
                grid.coverFraction(), intra, ratios[0], ratios[1], ratios[2], floor, contracts);
    }

    private static String currency(SpanXmlElement cc) {
        String currency = cc.text("currency");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw SpanFileProblems.inconsistent(cc.path() + "/currency", "'" + currency + "' is not an ISO 4217 code");
        }
        return currency;
    }

    private static SpanXmlElement linkedFutures(SpanXmlElement cc, Map<String, SpanXmlElement> futPfs) {
        List<SpanXmlElement> links = cc.children("pfLink").stream()
                .filter(l -> "FUT".equals(l.text("pfType"))).toList();
        if (links.size() != 1) {
            throw SpanFileProblems.inconsistent(cc.path() + "/pfLink",
                    "a combined commodity links exactly one futures portfolio (pfType FUT), found " + links.size());
        }
        String code = links.getFirst().text("pfCode");
        SpanXmlElement futPf = futPfs.get(code);
        if (futPf == null) {
            throw SpanFileProblems.inconsistent(links.getFirst().path() + "/pfCode",
                    "no futPf with pfCode " + code + " in the exchange");
        }
        if (!code.equals(cc.text("cc"))) {
            throw SpanFileProblems.inconsistent(links.getFirst().path() + "/pfCode",
                    "the futures portfolio " + code + " must carry the family symbol " + cc.text("cc"));
        }
        return futPf;
    }

    private static SpanXmlElement index(SpanXmlElement futPf, Map<String, SpanXmlElement> phyPfs) {
        SpanXmlElement und = futPf.child("undPf");
        String code = und.text("pfCode");
        SpanXmlElement phyPf = phyPfs.get(code);
        if (phyPf == null || !"PHY".equals(und.text("pfType"))) {
            throw SpanFileProblems.inconsistent(und.path(), "the futures portfolio must name its index portfolio "
                    + "(phyPf " + code + "), which carries the reference price and price scan range");
        }
        return phyPf.child("phy");
    }

    /** {@code priceScan / p} exactly, within the 6 decimals a scan fraction is stored with. */
    private static BigDecimal exactFraction(String element, BigDecimal priceScan, BigDecimal price) {
        BigDecimal fraction;
        try {
            fraction = priceScan.divide(price).stripTrailingZeros();
        } catch (ArithmeticException repeating) {
            throw SpanFileProblems.inconsistent(element, "priceScan " + priceScan + " / p " + price
                    + " is not a terminating fraction; margin-service stores the scan range as a fraction of the "
                    + "price");
        }
        if (fraction.scale() > 6) {
            throw SpanFileProblems.inconsistent(element, "priceScan / p = " + fraction.toPlainString()
                    + " has more than the 6 decimals a price scan fraction is stored with");
        }
        return fraction.scale() < 0 ? fraction.setScale(0) : fraction;
    }

    private static List<SpanFileContent.Contract> contracts(SpanXmlElement futPf, ScenarioGrid grid,
            BigDecimal reference, BigDecimal fraction, BigDecimal unit) {
        List<SpanFileContent.Contract> contracts = new ArrayList<>();
        Set<YearMonth> months = new HashSet<>();
        for (SpanXmlElement raw : futPf.children("fut")) {
            String pe = raw.text("pe");
            SpanXmlElement fut = raw.labelled(pe);
            YearMonth month = month(fut.path() + "/pe", pe);
            if (!months.add(month)) {
                throw SpanFileProblems.inconsistent(fut.path(), "contract month " + pe + " appears twice");
            }
            BigDecimal price = fut.decimal("p");
            BigDecimal scan = fut.child("scanRate").decimal("priceScan");
            if (scan.compareTo(price.abs().multiply(fraction)) < 0) {
                throw SpanFileProblems.inconsistent(fut.path() + "/scanRate/priceScan", "is " + scan.toPlainString()
                        + " but |p| x the family's scan fraction " + fraction.toPlainString() + " is "
                        + price.abs().multiply(fraction).toPlainString() + ": a scan range is never below it");
            }
            SpanXmlElement ra = fut.child("ra");
            List<BigDecimal> losses = ra.decimals("a");
            if (losses.size() != ScenarioGrid.SIZE) {
                throw SpanFileProblems.inconsistent(ra.path() + "/a", losses.size() + " values; a risk array has 16");
            }
            RiskArray expected = RiskArray.forFuture(grid, price, scan, unit, RISK_ARRAY_SCALE);
            for (int s = 0; s < ScenarioGrid.SIZE; s++) {
                if (losses.get(s).compareTo(expected.loss(s + 1)) != 0) {
                    throw SpanFileProblems.inconsistent(ra.path() + "/a[" + (s + 1) + "]", "is "
                            + losses.get(s).toPlainString() + " but scenario " + (s + 1)
                            + " of a future with scan range "
                            + scan.toPlainString() + " x cvf " + unit.toPlainString() + " loses "
                            + expected.loss(s + 1).toPlainString());
                }
            }
            if (ra.decimal("d").compareTo(BigDecimal.ONE) != 0) {
                throw SpanFileProblems.inconsistent(ra.path() + "/d", "the composite delta of a future is 1");
            }
            contracts.add(new SpanFileContent.Contract(month, price, scan, expected));
        }
        contracts.sort(Comparator.comparing(SpanFileContent.Contract::month));
        return contracts;
    }

    /**
     * The family's floor in money per contract, from the months scanned wider than {@code |p| x fraction} (all at one
     * range, the floor in price units); null when none is. Every month must then scan what margin-service would
     * ({@link RiskParameterSet#priceScanRange}: {@code |p| x fraction} or the floor, whichever is larger; without a
     * floor a zero price scans {@code reference x fraction}).
     */
    private static BigDecimal floor(SpanXmlElement futPf, List<SpanFileContent.Contract> contracts,
            BigDecimal reference, BigDecimal fraction, BigDecimal unit) {
        BigDecimal floored = null;
        for (SpanFileContent.Contract c : contracts) {
            boolean zeroWithoutFloor = c.price().signum() == 0
                    && c.priceScanRange().compareTo(reference.multiply(fraction)) == 0;
            if (c.priceScanRange().compareTo(c.price().abs().multiply(fraction)) > 0 && !zeroWithoutFloor) {
                if (floored != null && floored.compareTo(c.priceScanRange()) != 0) {
                    throw SpanFileProblems.inconsistent(scanPath(futPf, c), "is " + c.priceScanRange().toPlainString()
                            + " above |p| x the scan fraction, but another month is floored at "
                            + floored.toPlainString() + ": a family has one floor");
                }
                floored = c.priceScanRange();
            }
        }
        BigDecimal money = floored == null ? null : floored.multiply(unit).stripTrailingZeros();
        if (money != null && money.scale() > 2) {
            throw SpanFileProblems.inconsistent(futPf.path() + "/fut/scanRate/priceScan", "the floor "
                    + floored.toPlainString() + " x cvf " + unit.toPlainString() + " is not a whole amount of cents");
        }
        RiskParameterSet rule = new RiskParameterSet();
        rule.referencePrice = reference;
        rule.priceScanFraction = fraction;
        rule.contractUnit = unit;
        rule.priceScanFloor = money == null ? BigDecimal.ZERO : money;
        for (SpanFileContent.Contract c : contracts) {
            BigDecimal expected = rule.priceScanRange(c.price());
            if (c.priceScanRange().compareTo(expected) != 0) {
                throw SpanFileProblems.inconsistent(scanPath(futPf, c), "is " + c.priceScanRange().toPlainString()
                        + " but " + (money == null ? "|p| x the family's scan fraction is "
                        : "the larger of |p| x the scan fraction and the family's floor is ")
                        + expected.toPlainString());
            }
        }
        return money == null ? null : money.setScale(2);
    }

    private static String scanPath(SpanXmlElement futPf, SpanFileContent.Contract c) {
        return futPf.path() + "/fut[" + SpanFileWriter.MONTH.format(c.month()) + "]/scanRate/priceScan";
    }

    private static YearMonth month(String element, String pe) {
        try {
            return YearMonth.parse(pe.length() >= 6 ? pe.substring(0, 6) : pe, SpanFileWriter.MONTH);
        } catch (DateTimeParseException e) {
            throw SpanFileProblems.malformed(element, "'" + pe + "' is not a contract month YYYYMM");
        }
    }

    /** The initial/maintenance ratios of house, client omnibus and client segregated accounts. */
    private static BigDecimal[] ratios(SpanXmlElement cc, Map<Integer, String> accountTypeByRate) {
        Map<String, BigDecimal> byType = new HashMap<>();
        for (SpanXmlElement adj : cc.children("adjRate")) {
            String type = accountTypeByRate.get(adj.integer("r"));
            if (type == null) {
                throw SpanFileProblems.inconsistent(adj.path() + "/r", "rate " + adj.integer("r")
                        + " has no pbRateDef in the clearing organisation");
            }
            BigDecimal ratio = adj.decimal("val");
            if (ratio.compareTo(BigDecimal.ONE) < 0) {
                throw SpanFileProblems.inconsistent(adj.path() + "/val",
                        "an initial/maintenance ratio is at least 1 (initial is never below maintenance)");
            }
            scaleAtMost(adj.path() + "/val", ratio, 4);
            byType.put(type, ratio);
        }
        BigDecimal[] ratios = new BigDecimal[SpanFileWriter.ACCOUNT_TYPES.length];
        for (int i = 0; i < ratios.length; i++) {
            String type = SpanFileWriter.ACCOUNT_TYPES[i][0];
            ratios[i] = byType.get(type);
            if (ratios[i] == null) {
                throw SpanFileProblems.inconsistent(cc.path() + "/adjRate", "no ratio for account type " + type + " ("
                        + SpanFileWriter.ACCOUNT_TYPES[i][2] + "); give an adjRate whose r is that type's pbRateDef");
            }
        }
        return ratios;
    }

    static void scaleAtMost(String element, BigDecimal value, int scale) {
        if (value.stripTrailingZeros().scale() > scale) {
            throw SpanFileProblems.inconsistent(element, value.toPlainString() + " has more than the " + scale
                    + " decimals it is stored with");
        }
    }
}
