package io.computeclearing.account.waterfall;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.ledger.JournalEntry;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.member.DefaultCase;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.platform.events.account.AccountEvents;
import io.computeclearing.platform.money.DefaultWaterfall.Allocation;
import io.computeclearing.platform.money.DefaultWaterfall.Layer;
import io.computeclearing.platform.money.DefaultWaterfall.SurvivorCharge;
import io.computeclearing.platform.outbox.Outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The journal entries of one default's waterfall, all cash in the fund's currency, through the CCP's transit book
 * {@link Book#CCP_DEFAULT_LOSS}: every layer brings in what it bears ({@code CCP_DEFAULT_LOSS +x}) and the loss
 * covered goes out to the defaulter's accounts that owe ({@code CCP_DEFAULT_LOSS -x}), so the book nets to zero once
 * the waterfall is booked. Sign convention as everywhere in the journal: a positive quantity on a member's book is
 * what the CCP owes the member; a negative one on a CCP bank book is cash the CCP holds.
 * <ul>
 *     <li>layer 1, {@code DEFAULT_COLLATERAL_APPLIED} on a house account: {@code MEMBER_COLLATERAL -x},
 *     {@code CCP_DEFAULT_LOSS +x};</li>
 *     <li>layers 2 and 4, {@code DEFAULT_FUND_APPLIED} on the contributing member, and layer 5,
 *     {@code DEFAULT_ASSESSMENT} on the survivor (its contribution held may go below zero: it owes it):
 *     {@code DEFAULT_FUND(member) -x}, {@code CCP_DEFAULT_LOSS +x}, and the fund's cash going from the fund's bank
 *     account to the settlement bank, {@code CCP_DEFAULT_FUND +x}, {@code CCP_CASH_AT_BANK -x}, so that the fund's
 *     books still sum to zero (the fund account is always minus what the members hold);</li>
 *     <li>layer 3, {@code CCP_TRANCHE_APPLIED} on the defaulter member (an entry needs an owner):
 *     {@code CCP_OWN_FUNDS -x}, {@code CCP_DEFAULT_LOSS +x};</li>
 *     <li>the loss covered, {@code DEFAULT_LOSS_COVERED} on each account that owes: {@code CCP_DEFAULT_LOSS -x},
 *     {@code MEMBER_COLLATERAL +x}.</li>
 * </ul>
 * Keys {@code default-waterfall:<defaultId>:<layer>} (scoped to the entry's account or member, as every key),
 * references naming the default, the defaulter and the layer; each account's entry is published as
 * {@code CollateralMovementRecorded} with its kind as the movement. A zero amount makes no entry.
 */
final class WaterfallJournal {

    /** The key's last part for the entries that take the loss covered to the accounts that owe. */
    private static final String LOSS_COVERED = "LOSS_COVERED";

    private final Outbox outbox;
    private final DefaultCase defaultCase;
    private final Asset cash;
    private final String appliedBy;
    private final Instant at;
    private final List<UUID> entryIds = new ArrayList<>();

    WaterfallJournal(Outbox outbox, DefaultCase defaultCase, String currency, String appliedBy, Instant at) {
        this.outbox = outbox;
        this.defaultCase = defaultCase;
        this.cash = Asset.cash(currency);
        this.appliedBy = appliedBy;
        this.at = at;
    }

    /**
     * Books the allocation layer by layer: layer 1's part still held in cash (the netting of the defaulter's house
     * cash against what its accounts owe; settlement took the rest) from the house accounts in id order, each up to its
     * cash; the contributions and the tranche; then the loss covered into the accounts that owe, in id order, each up
     * to what it owes: the netting and what layers 2 to 5 bore. Returns the accounts whose cash changed.
     */
    Set<Account> book(Allocation allocation, DefaulterCash balances) {
        Set<Account> touched = new LinkedHashSet<>(drawInOrder(balances.houseCash(), balances.netted(),
                this::collateralApplied));
        contributionApplied(defaultCase.memberId, Layer.DEFAULTER_CONTRIBUTION,
                allocation.byLayer().get(Layer.DEFAULTER_CONTRIBUTION));
        trancheApplied(allocation.byLayer().get(Layer.CCP_TRANCHE));
        for (SurvivorCharge charge : allocation.survivors()) {
            contributionApplied(charge.memberId(), Layer.SURVIVOR_CONTRIBUTIONS, charge.fromContribution());
            contributionApplied(charge.memberId(), Layer.SURVIVOR_ASSESSMENTS, charge.assessed());
        }
        BigDecimal beyondCollateral = allocation.loss().subtract(allocation.byLayer().get(Layer.DEFAULTER_COLLATERAL))
                .subtract(allocation.uncovered());
        touched.addAll(drawInOrder(balances.owed(), balances.netted().add(beyondCollateral), this::lossCovered));
        return touched;
    }

    /** Layer 1: {@code amount} of a defaulter's house account's cash. */
    private void collateralApplied(Account house, BigDecimal amount) {
        onAccount(JournalEntry.Kind.DEFAULT_COLLATERAL_APPLIED, house, Layer.DEFAULTER_COLLATERAL.name(), amount,
                "layer 1, the defaulter's collateral", List.of(
                        JournalPosting.of(Book.MEMBER_COLLATERAL, house.id, cash, amount.negate()),
                        JournalPosting.of(Book.CCP_DEFAULT_LOSS, null, cash, amount)));
    }

    /** Layer 2 (the defaulter's), 4 or 5 (a survivor's): {@code amount} out of the member's default fund position. */
    private void contributionApplied(String memberId, Layer layer, BigDecimal amount) {
        JournalEntry.Kind kind = layer == Layer.SURVIVOR_ASSESSMENTS ? JournalEntry.Kind.DEFAULT_ASSESSMENT
                : JournalEntry.Kind.DEFAULT_FUND_APPLIED;
        String what = switch (layer) {
            case DEFAULTER_CONTRIBUTION -> "layer 2, the defaulter's default fund contribution";
            case SURVIVOR_CONTRIBUTIONS -> "layer 4, the survivor's default fund contribution";
            case SURVIVOR_ASSESSMENTS -> "layer 5, the survivor's assessment";
            default -> throw new IllegalArgumentException(layer + " is not drawn from a member's contribution");
        };
        entry(kind, null, memberId, layer.name(), amount, what, List.of(
                JournalPosting.ofDefaultFund(Book.DEFAULT_FUND, memberId, cash, amount.negate()),
                JournalPosting.of(Book.CCP_DEFAULT_LOSS, null, cash, amount),
                JournalPosting.ofDefaultFund(Book.CCP_DEFAULT_FUND, memberId, cash, amount),
                JournalPosting.of(Book.CCP_CASH_AT_BANK, null, cash, amount.negate())));
    }

    /** Layer 3: {@code amount} of the CCP's own funds, an entry of the defaulter member. */
    private void trancheApplied(BigDecimal amount) {
        entry(JournalEntry.Kind.CCP_TRANCHE_APPLIED, null, defaultCase.memberId, Layer.CCP_TRANCHE.name(), amount,
                "layer 3, the CCP's tranche", List.of(
                        JournalPosting.of(Book.CCP_OWN_FUNDS, null, cash, amount.negate()),
                        JournalPosting.of(Book.CCP_DEFAULT_LOSS, null, cash, amount)));
    }

    /** {@code amount} of the loss covered, into a defaulter's account that owes. */
    private void lossCovered(Account owing, BigDecimal amount) {
        onAccount(JournalEntry.Kind.DEFAULT_LOSS_COVERED, owing, LOSS_COVERED, amount, "the loss covered", List.of(
                JournalPosting.of(Book.CCP_DEFAULT_LOSS, null, cash, amount.negate()),
                JournalPosting.of(Book.MEMBER_COLLATERAL, owing.id, cash, amount)));
    }

    /** The entries made, in order. */
    List<UUID> entryIds() {
        return List.copyOf(entryIds);
    }

    private void onAccount(JournalEntry.Kind kind, Account account, String keyPart, BigDecimal amount, String what,
                           List<JournalPosting> postings) {
        JournalEntry entry = entry(kind, account.id, null, keyPart, amount, what, postings);
        if (entry != null) {
            outbox.record(AccountEvents.COLLATERAL_MOVEMENT_RECORDED, account.id,
                    new AccountEvents.CollateralMovementRecorded(entry.id.toString(), account.id, account.memberId,
                            kind.name(), cash.code(), amount, at));
        }
    }

    /** The entry, owned by the account or the member; null (nothing booked) for a zero amount. */
    private JournalEntry entry(JournalEntry.Kind kind, String accountId, String memberId, String keyPart,
                               BigDecimal amount, String what, List<JournalPosting> postings) {
        if (amount.signum() == 0) {
            return null;
        }
        String reference = "default " + defaultCase.defaultId + " of member " + defaultCase.memberId
                + ", default waterfall " + what;
        JournalEntry entry = JournalEntry.book(kind, accountId, memberId,
                "default-waterfall:" + defaultCase.defaultId + ":" + keyPart,
                JournalEntry.fingerprint(kind, cash, amount, reference), reference, appliedBy, at, postings);
        entryIds.add(entry.id);
        return entry;
    }

    /** {@code total} drawn on the amounts in their order, each up to its own; returns the accounts drawn on. */
    private static List<Account> drawInOrder(Map<Account, BigDecimal> amounts, BigDecimal total,
                                             AccountEntry entry) {
        List<Account> drawn = new ArrayList<>();
        BigDecimal left = total;
        for (Map.Entry<Account, BigDecimal> amount : amounts.entrySet()) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(amount.getValue());
            entry.book(amount.getKey(), take);
            drawn.add(amount.getKey());
            left = left.subtract(take);
        }
        return drawn;
    }

    /** Books one account's share of a layer. */
    @FunctionalInterface
    private interface AccountEntry {
        void book(Account account, BigDecimal amount);
    }
}
