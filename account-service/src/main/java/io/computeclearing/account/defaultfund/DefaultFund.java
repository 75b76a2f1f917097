package io.computeclearing.account.defaultfund;

import io.computeclearing.account.collateral.CollateralPolicy;
import io.computeclearing.account.ledger.CollateralLedger.Recorded;
import io.computeclearing.account.ledger.JournalEntry;
import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.member.ClearingMember;
import io.computeclearing.account.member.StatusChanges;
import io.computeclearing.account.valuation.Asset;
import io.computeclearing.account.valuation.CollateralValuer;
import io.computeclearing.platform.events.risk.RiskEvents.DefaultFundContributionRequired;
import io.computeclearing.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Members' default fund contributions: cash in the fund's currency, in the collateral journal on a book of its own
 * (DEFAULT_FUND per member, against the CCP's CCP_DEFAULT_FUND), so that it is never an account's collateral, never
 * margin cover and never withdrawn with it. The required contribution comes from the risk service's sizing; a
 * contribution below it has a contribution call. A lower requirement frees nothing by itself: the member asks for
 * the excess back ({@link #release}), never more than {@code held - required}. Every change to one member's fund
 * locks the member's row, so deposits, releases, requirements and escalations take turns.
 */
@ApplicationScoped
@Transactional
public class DefaultFund {

    /** What applying a required contribution did. */
    public enum Outcome { APPLIED, ALREADY_APPLIED, OLDER_SIZING_IGNORED }

    /** Amounts stay below 10^15, as every cash amount of the journal (docs/api.md#bounds). */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    private final String currency;
    private final CollateralPolicy policy;
    private final ContributionCalls calls;
    private final Clock clock;

    public DefaultFund(DefaultFundConfig config, CollateralPolicy policy, ContributionCalls calls, Clock clock) {
        this.currency = config.currency();
        this.policy = policy;
        this.calls = calls;
        this.clock = clock;
    }

    public String currency() {
        return currency;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DefaultFundPosition position(String memberId) {
        if (ClearingMember.findById(memberId) == null) {
            throw ProblemException.notFound("member", memberId);
        }
        return DefaultFundPosition.of(memberId, currency);
    }

    /** Every member with a requirement or a contribution, by id, and the fund's totals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DefaultFundSummary summary() {
        List<String> members = DefaultFundRequirement.getEntityManager().createQuery("""
                        select r.memberId from DefaultFundRequirement r
                        union select p.memberId from JournalPosting p where p.book = :book""", String.class)
                .setParameter("book", Book.DEFAULT_FUND)
                .getResultList();
        List<DefaultFundPosition> positions = members.stream().sorted()
                .map(member -> DefaultFundPosition.of(member, currency)).toList();
        BigDecimal zero = BigDecimal.ZERO.setScale(CollateralValuer.minorUnits(currency));
        BigDecimal ccpFundAccount = JournalPosting.total(Book.CCP_DEFAULT_FUND, currency)
                .setScale(zero.scale(), RoundingMode.UNNECESSARY);
        return new DefaultFundSummary(currency,
                positions.stream().map(DefaultFundPosition::required).reduce(zero, BigDecimal::add),
                positions.stream().map(DefaultFundPosition::held).reduce(zero, BigDecimal::add),
                ccpFundAccount,
                positions.stream().map(DefaultFundPosition::shortfall).filter(missing -> missing.signum() > 0)
                        .reduce(zero, BigDecimal::add),
                positions);
    }

    /** Cash the member has paid into the fund; may settle its contribution call. */
    public Recorded contribute(String memberId, String idempotencyKey, String cashCurrency, BigDecimal amount,
                               String reference, String recordedBy) {
        return record(JournalEntry.Kind.DEFAULT_FUND_CONTRIBUTION, memberId, idempotencyKey, cashCurrency, amount,
                reference, recordedBy);
    }

    /** Pays back part of what the member holds above its requirement, at its request. */
    public Recorded release(String memberId, String idempotencyKey, String cashCurrency, BigDecimal amount,
                            String reference, String recordedBy) {
        return record(JournalEntry.Kind.DEFAULT_FUND_RELEASE, memberId, idempotencyKey, cashCurrency, amount,
                reference, recordedBy);
    }

    /**
     * Applies the member's required contribution from a sizing: a newer sizing replaces it, an older one arriving
     * late is ignored, the same one again changes nothing. A requirement that breaks the contract (a missing field,
     * another currency, a negative amount or more decimals than the currency has, an unknown member, the same sizing
     * with another amount) throws, and the consumer parks it.
     */
    public Outcome require(DefaultFundContributionRequired required) {
        if (required.memberId() == null || required.effectiveDate() == null || required.requiredAt() == null) {
            throw new IllegalArgumentException("a required contribution names its member, effective date and time, "
                    + "was " + required);
        }
        if (!currency.equals(required.currency())) {
            throw new IllegalArgumentException("the default fund is held in " + currency + ", a contribution of "
                    + required.memberId() + " was required in " + required.currency());
        }
        if (required.amount() == null || required.amount().signum() < 0 || required.amount().compareTo(LIMIT) >= 0
                || required.amount().stripTrailingZeros().scale() > CollateralValuer.minorUnits(currency)) {
            throw new IllegalArgumentException("required contribution of " + required.memberId() + " must be at "
                    + "least 0 and below 10^15 with at most " + CollateralValuer.minorUnits(currency)
                    + " decimals, was " + required.amount());
        }
        ClearingMember member = ClearingMember.findById(required.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw new IllegalArgumentException("a contribution was required of unknown member '"
                    + required.memberId() + "'");
        }
        BigDecimal amount = required.amount().setScale(CollateralValuer.minorUnits(currency), RoundingMode.UNNECESSARY);
        DefaultFundRequirement current = DefaultFundRequirement.findById(member.id);
        if (current != null && required.sizingId() < current.sizingId) {
            return Outcome.OLDER_SIZING_IGNORED;
        }
        if (current != null && required.sizingId() == current.sizingId) {
            if (current.amount.compareTo(amount) != 0) {
                throw new IllegalStateException("sizing " + required.sizingId() + " already required "
                        + current.amount.toPlainString() + " of member '" + member.id + "', now "
                        + amount.toPlainString());
            }
            return Outcome.ALREADY_APPLIED;
        }
        if (current == null) {
            current = new DefaultFundRequirement();
            current.memberId = member.id;
        }
        current.currency = currency;
        current.amount = amount;
        current.sizingId = required.sizingId();
        current.effectiveDate = required.effectiveDate();
        current.requiredAt = required.requiredAt();
        current.appliedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        current.persist();
        DefaultFundRequirement.getEntityManager().flush();
        calls.review(DefaultFundPosition.of(member.id, currency), "REQUIREMENT");
        return Outcome.APPLIED;
    }

    private Recorded record(JournalEntry.Kind kind, String memberId, String idempotencyKey, String cashCurrency,
                            BigDecimal amount, String reference, String recordedBy) {
        if (!currency.equals(cashCurrency)) {
            throw ProblemException.invalid("currency", "the default fund is held in " + currency + ", not "
                    + cashCurrency);
        }
        BigDecimal quantity = policy.requireAmount("amount", currency, amount);
        ClearingMember member = ClearingMember.findById(memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ProblemException.notFound("member", memberId);
        }
        String fingerprint = fingerprint(kind, quantity, reference);
        JournalEntry previous = JournalEntry.<JournalEntry>find("memberId = ?1 and idempotencyKey = ?2", memberId,
                idempotencyKey).firstResult();
        if (previous != null) {
            if (previous.requestFingerprint.equals(fingerprint)) {
                return new Recorded(previous, true);
            }
            throw ProblemException.conflict("idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key '" + idempotencyKey + "' already recorded entry " + previous.id
                            + " on the default fund of member '" + memberId + "' for a different request; use a new "
                            + "key for a new movement");
        }
        if (kind == JournalEntry.Kind.DEFAULT_FUND_RELEASE) {
            requireReleasable(member, quantity);
        }
        BigDecimal toMember = kind == JournalEntry.Kind.DEFAULT_FUND_CONTRIBUTION ? quantity : quantity.negate();
        Asset cash = Asset.cash(currency);
        JournalEntry entry = JournalEntry.book(kind, null, memberId, idempotencyKey, fingerprint, reference,
                recordedBy, clock.instant().truncatedTo(ChronoUnit.MICROS), List.of(
                        JournalPosting.ofDefaultFund(Book.DEFAULT_FUND, memberId, cash, toMember),
                        JournalPosting.ofDefaultFund(Book.CCP_DEFAULT_FUND, memberId, cash, toMember.negate())));
        JournalEntry.getEntityManager().flush();
        if (kind == JournalEntry.Kind.DEFAULT_FUND_CONTRIBUTION) {
            calls.review(DefaultFundPosition.of(memberId, currency), "DEPOSIT");
        }
        return new Recorded(entry, false);
    }

    /**
     * The contribution stays with the CCP while the member is suspended, and for good once it is defaulted (default
     * management may use it); only what is held above the requirement may go back.
     */
    private void requireReleasable(ClearingMember member, BigDecimal quantity) {
        if (member.status == ClearingMember.Status.DEFAULTED) {
            throw StatusChanges.memberDefaulted(member, "its default fund contribution stays with the CCP for "
                    + "default management");
        }
        if (member.status != ClearingMember.Status.ACTIVE) {
            throw ProblemException.refused("member-suspended", "Member suspended",
                    "member '" + member.id + "' is suspended; its default fund contribution stays with the CCP");
        }
        DefaultFundPosition position = DefaultFundPosition.of(member.id, currency);
        if (quantity.compareTo(position.releasable()) > 0) {
            throw ProblemException.refused("insufficient-fund-excess", "Insufficient default fund excess",
                    "member '" + member.id + "' holds " + currency + " " + position.held().toPlainString()
                            + " in the default fund and must hold " + position.required().toPlainString()
                            + ": at most " + position.releasable().toPlainString() + " can be released, not "
                            + quantity.toPlainString());
        }
    }

    /** SHA-256 of the canonical request (amount without trailing zeros), as for account movements. */
    private String fingerprint(JournalEntry.Kind kind, BigDecimal quantity, String reference) {
        return JournalEntry.fingerprint(kind.name(), currency, quantity.stripTrailingZeros().toPlainString(),
                reference);
    }
}
