package io.computeclearing.margin.spanfile;

import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Calendar spreads as a SPAN file defines them in a {@code ccDef}: one {@code intraTiers/tier} per contract month and a
 * one-to-one {@code dSpread} between every pair of tiers at the family's flat charge, nearest pairs first. This is how
 * margin-service margins a family: any two months held may form a spread, all at one rate.
 */
final class CalendarSpreadDefinition {

    private CalendarSpreadDefinition() {
    }

    /** Writes the family's tiers and spreads into its {@code ccDef}. */
    static void write(Element cc, SpanFileContent.Family f) {
        Element tiers = SpanFileWriter.add(cc, "intraTiers");
        List<SpanFileContent.Contract> months = f.contracts();
        for (int i = 0; i < months.size(); i++) {
            Element tier = SpanFileWriter.add(tiers, "tier");
            SpanFileWriter.add(tier, "tn", String.valueOf(i + 1));
            SpanFileWriter.add(tier, "sPe", SpanFileWriter.MONTH.format(months.get(i).month()));
            SpanFileWriter.add(tier, "ePe", SpanFileWriter.MONTH.format(months.get(i).month()));
        }
        int spread = 1;
        if (f.intraSpreadCharge() != null) {
            for (int distance = 1; distance < months.size(); distance++) {
                for (int tier = 1; tier + distance <= months.size(); tier++) {
                    Element d = SpanFileWriter.add(cc, "dSpread");
                    SpanFileWriter.add(d, "spread", String.valueOf(spread++));
                    SpanFileWriter.add(d, "chargeMeth", "F");
                    Element rate = SpanFileWriter.add(d, "rate");
                    SpanFileWriter.add(rate, "r", "1");
                    SpanFileWriter.add(rate, "val", SpanFileWriter.plain(f.intraSpreadCharge()));
                    leg(d, f.family(), tier, "A");
                    leg(d, f.family(), tier + distance, "B");
                }
            }
        }
    }

    private static void leg(Element spread, String cc, int tier, String side) {
        Element leg = SpanFileWriter.add(spread, "tLeg");
        SpanFileWriter.add(leg, "cc", cc);
        SpanFileWriter.add(leg, "tn", String.valueOf(tier));
        SpanFileWriter.add(leg, "rs", side);
        SpanFileWriter.add(leg, "i", "1");
    }

    /**
     * The family's flat charge per calendar spread: every {@code dSpread} one-to-one between two tiers of this
     * commodity, all at one rate, and every pair of tiers covered (margin-service lets any two months spread). Null
     * when there are fewer than two tiers and no spreads.
     */
    static BigDecimal read(SpanXmlElement cc, String family, List<SpanXmlElement> tiers) {
        Set<Integer> tierNumbers = new HashSet<>();
        for (SpanXmlElement tier : tiers) {
            tierNumbers.add(tier.integer("tn"));
        }
        List<SpanXmlElement> spreads = cc.children("dSpread");
        if (spreads.isEmpty()) {
            if (tierNumbers.size() >= 2) {
                throw SpanFileProblems.inconsistent(cc.path() + "/dSpread", "the commodity has " + tierNumbers.size()
                        + " tiers but no intra-commodity spread; margin-service lets every two months spread");
            }
            return null;
        }
        BigDecimal rate = null;
        Set<String> pairs = new HashSet<>();
        for (SpanXmlElement raw : spreads) {
            SpanXmlElement spread = raw.labelled(raw.text("spread"));
            BigDecimal value = spread.child("rate").decimal("val");
            if (value.signum() < 0) {
                throw SpanFileProblems.inconsistent(spread.path() + "/rate/val", "a spread charge is not negative");
            }
            SpanFileReader.scaleAtMost(spread.path() + "/rate/val", value, 2);
            if (rate != null && rate.compareTo(value) != 0) {
                throw SpanFileProblems.inconsistent(spread.path() + "/rate/val", "is " + value.toPlainString()
                        + " but an earlier spread charges " + rate.toPlainString()
                        + "; margin-service charges one flat rate per family");
            }
            rate = value;
            List<SpanXmlElement> legs = spread.children("tLeg");
            if (legs.size() != 2) {
                throw SpanFileProblems.inconsistent(spread.path() + "/tLeg", "a calendar spread has two legs");
            }
            int[] tn = new int[2];
            for (int i = 0; i < 2; i++) {
                SpanXmlElement leg = legs.get(i);
                if (!family.equals(leg.text("cc"))) {
                    throw SpanFileProblems.inconsistent(leg.path() + "/cc",
                            "an intra-commodity leg stays in " + family);
                }
                if (leg.decimal("i").compareTo(BigDecimal.ONE) != 0) {
                    throw SpanFileProblems.inconsistent(leg.path() + "/i", "margin-service forms one-to-one spreads");
                }
                tn[i] = leg.integer("tn");
                if (!tierNumbers.contains(tn[i])) {
                    throw SpanFileProblems.inconsistent(leg.path() + "/tn", "tier " + tn[i] + " is not in intraTiers");
                }
            }
            pairs.add(Math.min(tn[0], tn[1]) + "/" + Math.max(tn[0], tn[1]));
        }
        int n = tierNumbers.size();
        if (pairs.size() != n * (n - 1) / 2) {
            throw SpanFileProblems.inconsistent(cc.path() + "/dSpread", pairs.size() + " tier pairs spread, but "
                    + "margin-service lets every two of the " + n + " tiers spread (" + n * (n - 1) / 2 + " pairs)");
        }
        return rate;
    }

}
