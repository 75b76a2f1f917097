package io.computeclearing.clearing.position;

import io.computeclearing.clearing.trade.TradeLeg;
import io.computeclearing.platform.accounts.KnownAccount;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PositionDeltaTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void legsAreAggregatedPerAccountAndInstrumentInLockOrder() {
        Map<String, KnownAccount> accounts = Map.of("B-H", account("B-H", KnownAccount.AccountType.HOUSE),
                "A-O", account("A-O", KnownAccount.AccountType.CLIENT_OMNIBUS));
        List<TradeLeg> legs = List.of(leg("B-H", "GH100-202701", 5, MONDAY), leg("A-O", "GH100-202701", 4, MONDAY),
                leg("B-H", "GH100-202701", -7, MONDAY.plusDays(1)), leg("A-O", "GH100-202701", -9, MONDAY),
                leg("A-O", "GB200-202701", 1, MONDAY));

        List<PositionDelta> deltas = PositionDelta.of(legs, accounts);

        assertThat(deltas).containsExactly(
                new PositionDelta("A-O", "GB200-202701", "M", true, 1, 0, MONDAY),
                new PositionDelta("A-O", "GH100-202701", "M", true, 4, 9, MONDAY),
                new PositionDelta("B-H", "GH100-202701", "M", false, 5, 7, MONDAY.plusDays(1)));
        // omnibus keeps both sides gross; a house account carries only the net change (-2: short 2)
        assertThat(deltas.get(1).longPart()).isEqualTo(4);
        assertThat(deltas.get(1).shortPart()).isEqualTo(9);
        assertThat(deltas.get(2).longPart()).isZero();
        assertThat(deltas.get(2).shortPart()).isEqualTo(2);
    }

    @Test
    void aReversalTakesContractsBackOutOfTheBucketTheyWentInto() {
        Map<String, KnownAccount> accounts = Map.of("B-H", account("B-H", KnownAccount.AccountType.HOUSE),
                "A-O", account("A-O", KnownAccount.AccountType.CLIENT_OMNIBUS));
        TradeLeg bought = leg("A-O", "GH100-202701", 7, MONDAY);
        TradeLeg sold = leg("B-H", "GH100-202701", -7, MONDAY);

        List<PositionDelta> deltas = PositionDelta.of(List.of(bought.reverse(), sold.reverse()), accounts);

        // omnibus: long shrinks by 7 (short does not grow); house: the net moves back up by 7
        assertThat(deltas).containsExactly(
                new PositionDelta("A-O", "GH100-202701", "M", true, -7, 0, MONDAY),
                new PositionDelta("B-H", "GH100-202701", "M", false, 0, -7, MONDAY));
        assertThat(deltas.get(0).longPart()).isEqualTo(-7);
        assertThat(deltas.get(0).shortPart()).isZero();
        assertThat(deltas.get(1).longPart()).isEqualTo(7);
        assertThat(deltas.get(1).shortPart()).isZero();
        assertThat(bought.reversed).isTrue();
    }

    private static KnownAccount account(String id, KnownAccount.AccountType type) {
        KnownAccount account = new KnownAccount();
        account.id = id;
        account.memberId = "M";
        account.accountType = type;
        return account;
    }

    private static TradeLeg leg(String account, String instrument, long quantity, LocalDate date) {
        TradeLeg leg = new TradeLeg();
        leg.accountId = account;
        leg.memberId = "M";
        leg.instrumentId = instrument;
        leg.quantity = quantity;
        leg.side = quantity > 0 ? TradeLeg.Side.BUY : TradeLeg.Side.SELL;
        leg.businessDate = date;
        return leg;
    }
}
