package io.computeclearing.localstack;

import io.computeclearing.client.ClearingHouse;
import io.computeclearing.client.ClearingHouseException;
import io.computeclearing.client.DefaultFund;
import io.computeclearing.client.Defaults;
import io.computeclearing.client.EndOfDay;
import io.computeclearing.localstack.Demo.Answer;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.computeclearing.localstack.Demo.money;

/**
 * The demo's default fire drill ({@link FireDrill}) after its month, on members of its own: played once, shown again
 * (the recorded waterfall and report) when the demo replays.
 */
final class DemoFireDrill {

    private final Demo demo;
    private final PrintStream out;

    DemoFireDrill(Demo demo, PrintStream out) {
        this.demo = demo;
        this.out = out;
    }

    /** @param users the signed-in demo users by name (backoffice, risk, admin, dave, erin) */
    void run(Map<String, ClearingHouse> users) {
        out.println();
        out.println("  DEFAULT FIRE DRILL (CHARLIE fails; its client goes to DELTA; DELTA and ECHO bid for its house)");
        ClearingHouse risk = users.get("risk");
        Answer<DefaultFund.Waterfall> earlier = Demo.attempt(() -> risk.defaultFund().waterfall(FireDrill.DEFAULTER));
        if (earlier.ok()) {
            demo.pass("played on an earlier start: GET /members/CHARLIE/default-waterfall (account-service)");
            showWaterfall(earlier.value());
            return;
        }
        Answer<?> registered = Demo.attempt(() -> users.get("backoffice").members().get(FireDrill.DEFAULTER));
        if (registered.ok()) {
            demo.fail("an earlier start stopped the fire drill half way (CHARLIE is registered, no waterfall): delete "
                    + "the data folder for a fresh start");
            return;
        }
        FireDrill.Outcome drill;
        try {
            drill = new FireDrill(users, List.of()).play();
        } catch (ClearingHouseException | IllegalStateException failed) {
            demo.fail("fire drill: " + failed.getMessage());
            return;
        }
        Map<String, String> months = drill.instruments();
        demo.pass(drill.firstDay().businessDate() + ": CHARLIE-H buys 10 " + months.get("GH100") + " @ 2.700 from "
                + "DELTA-H and sells 8 " + months.get("GB200") + " @ 5.200 to ECHO-H, its client CHARLIE-S buys 4 GH100 "
                + "@ 2.700 from ECHO-H; settled at 2.650 and 5.250: " + paid(drill.firstDay(), "CHARLIE"));
        Defaults.DefaultCase declared = drill.defaultCase();
        demo.pass("default " + declared.defaultId() + " of CHARLIE (" + declared.reason() + ") proposed by "
                + declared.proposedBy() + ", approved by " + declared.decidedBy() + " (four eyes): CHARLIE is DEFAULTED");
        demo.pass("porting offer " + drill.porting().offerId() + ": CHARLIE-S to DELTA, accepted by dave into "
                + drill.porting().receivingAccountId() + ": " + legs(drill.porting().transfer().legs())
                + ", its collateral moved with it");
        for (Defaults.Auction auction : drill.auctions()) {
            demo.pass("auction of lot " + auction.lot() + ": bids " + auction.bids().stream()
                    .map(b -> b.memberId() + " " + money(b.amount())).collect(Collectors.joining(", "))
                    + " -> " + auction.winningBid().memberId() + " takes " + auction.transfers().stream()
                    .map(t -> legs(t.legs())).collect(Collectors.joining("; ")));
        }
        Answer<Defaults.Auction> erinSees = Demo.attempt(() -> users.get("erin").defaults()
                .auction(drill.auctions().getFirst().auctionId()));
        demo.step(erinSees.ok() && erinSees.value().bids() == null && erinSees.value().yourBid() != null,
                "erin (ECHO) reads auction " + drill.auctions().getFirst().auctionId() + ": her own bid and whether "
                        + "she won, never DELTA's", erinSees);
        demo.pass(drill.closeOut().businessDate() + " settles the close-out: " + paid(drill.closeOut(), "CHARLIE"));
        showWaterfall(drill.waterfall());
        demo.pass("GET /defaults/" + declared.defaultId() + "/report (risk-service): " + drill.report().timeline()
                .size() + " timeline steps, " + drill.report().transfers().size() + " transfers, nothing left open: "
                + drill.report().left().openPositions().isEmpty());
    }

    private void showWaterfall(DefaultFund.Waterfall w) {
        demo.pass("waterfall of default " + w.defaultId() + ": loss " + money(w.loss()) + " " + w.currency()
                + " = CHARLIE's collateral " + money(w.defaulterCollateral()) + " + its contribution "
                + money(w.defaulterContribution()) + " + the CCP's tranche " + money(w.ccpTranche())
                + " + survivors' contributions " + money(w.survivorContributions()) + " + assessments "
                + money(w.survivorAssessments()) + "; uncovered " + money(w.uncovered()));
    }

    /** What the member's accounts paid (-) or received in the run. */
    private static String paid(EndOfDay.Run run, String member) {
        return FireDrill.paidBy(run).entrySet().stream().filter(e -> e.getKey().startsWith(member + "-"))
                .map(e -> e.getKey() + " " + money(e.getValue()) + " USD")
                .collect(Collectors.joining(", "));
    }

    private static String legs(List<Defaults.TransferLeg> legs) {
        return legs.stream().map(l -> (l.quantity() > 0 ? "+" : "") + l.quantity() + " " + l.instrumentId() + " @ "
                + l.price().toPlainString()).collect(Collectors.joining(", "));
    }
}
