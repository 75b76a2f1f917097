package io.computeclearing.margin.spanfile;

import io.computeclearing.margin.parameters.InterSpreadDefinition;
import io.computeclearing.margin.parameters.InterSpreadLeg;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inter-commodity spreads as a SPAN file defines them, in a clearing organisation's {@code interSpreads}: one
 * {@code dSpread} per spread with its priority ({@code spread}), the credit rate as a fraction ({@code rate} r 1,
 * {@code val}) and one {@code pLeg} per leg: the combined commodity ({@code cc}), the required side ({@code rs}, A or
 * B: A legs hold net deltas of one sign, B legs the other) and the delta per spread ({@code i}). A spread is written
 * in the clearing organisation of its first leg's family. Read back, a {@code tLeg} is accepted too when it names the
 * whole commodity (no tier or {@code tn} 0): margin-service spreads whole combined commodities.
 */
final class InterCommoditySpreadDefinition {

    private static final int STORED_DECIMALS = 6;

    private InterCommoditySpreadDefinition() {
    }

    /** Writes the spreads, in priority order, into an {@code interSpreads} element of the organisation. */
    static void write(Element org, List<InterSpreadDefinition> spreads) {
        Element inter = SpanFileWriter.add(org, "interSpreads");
        for (InterSpreadDefinition spread : spreads.stream()
                .sorted(Comparator.comparing(InterSpreadDefinition::priority)).toList()) {
            Element d = SpanFileWriter.add(inter, "dSpread");
            SpanFileWriter.add(d, "spread", String.valueOf(spread.priority()));
            Element rate = SpanFileWriter.add(d, "rate");
            SpanFileWriter.add(rate, "r", "1");
            SpanFileWriter.add(rate, "val", SpanFileWriter.plain(spread.creditRate()));
            for (InterSpreadLeg leg : spread.legs()) {
                Element p = SpanFileWriter.add(d, "pLeg");
                SpanFileWriter.add(p, "cc", leg.family());
                SpanFileWriter.add(p, "rs", leg.side());
                SpanFileWriter.add(p, "i", SpanFileWriter.plain(leg.deltaRatio()));
            }
        }
    }

    /** The spreads of every organisation's {@code interSpreads}, in priority order; refuses what cannot be margined. */
    static List<InterSpreadDefinition> read(List<SpanXmlElement> orgs) {
        List<InterSpreadDefinition> spreads = new ArrayList<>();
        Set<Integer> priorities = new HashSet<>();
        for (SpanXmlElement org : orgs) {
            SpanXmlElement inter = org.optionalChild("interSpreads").orElse(null);
            if (inter == null) {
                continue;
            }
            for (SpanXmlElement raw : inter.children("dSpread")) {
                SpanXmlElement spread = raw.labelled(raw.text("spread"));
                int priority = raw.integer("spread");
                if (priority < 1 || !priorities.add(priority)) {
                    throw SpanFileProblems.inconsistent(spread.path() + "/spread",
                            "the priority must be 1 or more and unique among the inter-commodity spreads");
                }
                BigDecimal rate = spread.child("rate").decimal("val");
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    throw SpanFileProblems.inconsistent(spread.path() + "/rate/val",
                            "an inter-commodity credit rate is a fraction within 0 and 1");
                }
                SpanFileReader.scaleAtMost(spread.path() + "/rate/val", rate, STORED_DECIMALS);
                spreads.add(new InterSpreadDefinition(priority, rate, legs(spread)));
            }
        }
        spreads.sort(Comparator.comparing(InterSpreadDefinition::priority));
        return spreads;
    }

    private static List<InterSpreadLeg> legs(SpanXmlElement spread) {
        List<SpanXmlElement> elements = new ArrayList<>(spread.children("pLeg"));
        for (SpanXmlElement tLeg : spread.children("tLeg")) {
            if (tLeg.optionalChild("tn").isPresent() && tLeg.integer("tn") != 0) {
                throw SpanFileProblems.inconsistent(tLeg.path() + "/tn", "margin-service spreads whole combined "
                        + "commodities, not tiers: give tn 0 or a pLeg");
            }
            elements.add(tLeg);
        }
        if (elements.size() < 2) {
            throw SpanFileProblems.inconsistent(spread.path() + "/pLeg", "an inter-commodity spread has two or more "
                    + "legs");
        }
        List<InterSpreadLeg> legs = new ArrayList<>();
        Set<String> families = new HashSet<>();
        Set<String> sides = new HashSet<>();
        for (SpanXmlElement leg : elements) {
            String family = leg.text("cc");
            if (!families.add(family)) {
                throw SpanFileProblems.inconsistent(leg.path() + "/cc", family + " is in this spread twice");
            }
            String side = leg.text("rs");
            if (!"A".equals(side) && !"B".equals(side)) {
                throw SpanFileProblems.inconsistent(leg.path() + "/rs", "the required side is A or B");
            }
            sides.add(side);
            BigDecimal ratio = leg.decimal("i");
            if (ratio.signum() <= 0) {
                throw SpanFileProblems.inconsistent(leg.path() + "/i", "the delta per spread must be positive");
            }
            SpanFileReader.scaleAtMost(leg.path() + "/i", ratio, STORED_DECIMALS);
            legs.add(new InterSpreadLeg(family, ratio, side));
        }
        if (sides.size() < 2) {
            throw SpanFileProblems.inconsistent(spread.path(), "an inter-commodity spread needs legs on side A and B");
        }
        return legs;
    }
}
