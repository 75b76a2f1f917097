package io.computeclearing.account.waterfall;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.platform.events.account.AccountEvents.OwedAmount;
import io.computeclearing.platform.money.MinorUnits;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A defaulter's cash once its positions are closed out, read from the journal (book MEMBER_COLLATERAL) in the
 * default fund's currency, and what the waterfall must cover.
 * <p>
 * Settlement has already taken the close-out's variation margin out of the defaulter's accounts: the house cash it
 * held when the default was recorded (its initial margin and other collateral) absorbed the loss first, as far as it
 * went, and what it could not absorb is owed: negative balances ({@code owed}, as positive amounts, their sum
 * {@code D}). The waterfall first nets the defaulter's own house cash still held ({@code houseCash}, sum {@code P})
 * against what its accounts owe: {@code netted = min(P, D)} (layer 1 entries); the rest, {@code E = D - netted}, is
 * for the fund. The defaulter's collateral that the loss consumed is the cash its house accounts held at the default
 * ({@code houseAtDefault}, each account's balance when positive) less what remains after netting ({@code P - netted}):
 * {@code collateral = max(houseAtDefault - (P - netted), 0)}, and the loss is {@code collateral + E}. So the first layer
 * reports everything the defaulter's collateral bore, whether settlement took it or the waterfall's netting did, and
 * the other layers exactly {@code E}. A client account's surplus is the client's and never used; its debt is owed
 * like any other. What its accounts owe in other currencies is summed per currency ({@code otherCurrencies}): the fund
 * does not cover it. Accounts in the order given (id order), amounts at the currency's scale.
 * <p>
 * Worked example (DefaultWaterfallPostingTest): house H1 +300.00 and H2 -1,500.00 when the waterfall runs and when
 * the default was recorded: P 300.00, D 1,500.00, netted 300.00, E 1,200.00, house cash at the default 300.00 (H2
 * held none), collateral 300.00 - (300.00 - 300.00) = 300.00, loss 1,500.00. Had H2 been at +200.00 when the default
 * was recorded and lost 1,700.00 in the close-out, the collateral would be 500.00 and the loss 1,700.00.
 */
record DefaulterCash(BigDecimal loss, BigDecimal collateral, BigDecimal netted, Map<Account, BigDecimal> owed,
                     Map<Account, BigDecimal> houseCash, List<OwedAmount> otherCurrencies) {

    /** The accounts' cash now; {@code houseAtDefault} the house accounts' cash when the default was recorded. */
    static DefaulterCash of(List<Account> accounts, BigDecimal houseAtDefault, MinorUnits units) {
        String currency = units.currency().getCurrencyCode();
        Map<Account, BigDecimal> owed = new LinkedHashMap<>();
        Map<Account, BigDecimal> houseCash = new LinkedHashMap<>();
        Map<String, BigDecimal> otherOwed = new TreeMap<>();
        for (Account account : accounts) {
            for (Map.Entry<Asset, BigDecimal> holding : JournalPosting.holdings(account.id).entrySet()) {
                Asset asset = holding.getKey();
                BigDecimal balance = holding.getValue();
                if (!asset.isCash() || balance.signum() == 0) {
                    continue;
                }
                if (!asset.code().equals(currency)) {
                    if (balance.signum() < 0) {
                        otherOwed.merge(asset.code(), balance.negate(), BigDecimal::add);
                    }
                } else if (balance.signum() < 0) {
                    owed.put(account, atScale(balance.negate(), units));
                } else if (account.type == Account.Type.HOUSE) {
                    houseCash.put(account, atScale(balance, units));
                }
            }
        }
        BigDecimal held = sum(houseCash, units);
        BigDecimal owing = sum(owed, units);
        BigDecimal netted = held.min(owing);
        BigDecimal forTheFund = owing.subtract(netted);
        BigDecimal collateral = atScale(houseAtDefault.max(BigDecimal.ZERO).subtract(held.subtract(netted))
                .max(BigDecimal.ZERO), units);
        return new DefaulterCash(collateral.add(forTheFund), collateral, netted, owed, houseCash,
                otherOwed.entrySet().stream().map(o -> new OwedAmount(o.getKey(), o.getValue())).toList());
    }

    private static BigDecimal sum(Map<Account, BigDecimal> amounts, MinorUnits units) {
        return amounts.values().stream().reduce(units.amount(BigInteger.ZERO), BigDecimal::add);
    }

    /** Journal cash amounts never have more decimals than their currency, so nothing is rounded. */
    private static BigDecimal atScale(BigDecimal amount, MinorUnits units) {
        return amount.setScale(units.digits(), RoundingMode.UNNECESSARY);
    }
}
