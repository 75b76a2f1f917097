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
 * default fund's currency: what each account owes ({@code owed}: its negative balance after the close-out's variation
 * margin, as a positive amount; their sum is the {@code loss} the waterfall covers) and what each house account holds
 * ({@code houseCash}, summed as {@code collateral}: the first layer of the waterfall; a client account's surplus is
 * the client's and never used). What its accounts owe in other currencies is summed per currency
 * ({@code otherCurrencies}, by code): the fund does not cover it. Accounts in the order given (id order), amounts at
 * the currency's scale.
 */
record DefaulterCash(BigDecimal loss, BigDecimal collateral, Map<Account, BigDecimal> owed,
                     Map<Account, BigDecimal> houseCash, List<OwedAmount> otherCurrencies) {

    static DefaulterCash of(List<Account> accounts, MinorUnits units) {
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
        return new DefaulterCash(sum(owed, units), sum(houseCash, units), owed, houseCash,
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
