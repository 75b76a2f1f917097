package io.computeclearing.account.defaultfund;

import io.computeclearing.account.ledger.JournalPosting;
import io.computeclearing.account.valuation.CollateralValuer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A member's default fund position in the fund's currency: what the latest sizing requires ({@code required}, zero
 * before any sizing), what the member has contributed ({@code held}, the sum of its DEFAULT_FUND postings), what it
 * may ask back ({@code releasable = max(held - required, 0)}), and its outstanding contribution call, if any. Amounts
 * have the currency's minor-unit scale; every one is a sum of amounts of that scale, so none is rounded.
 */
public record DefaultFundPosition(String memberId, String currency, BigDecimal required, BigDecimal held,
                                  BigDecimal releasable, Long sizingId, LocalDate effectiveDate,
                                  ContributionCall outstandingCall) {

    /** The position as recorded now; the caller reads it under the member's lock when it acts on it. */
    public static DefaultFundPosition of(String memberId, String currency) {
        int scale = CollateralValuer.minorUnits(currency);
        DefaultFundRequirement requirement = DefaultFundRequirement.findById(memberId);
        BigDecimal required = requirement == null ? BigDecimal.ZERO : requirement.amount;
        BigDecimal held = JournalPosting.getEntityManager().createQuery("""
                        select coalesce(sum(p.quantity), 0) from JournalPosting p
                        where p.book = :book and p.memberId = :member and p.asset = :currency""", BigDecimal.class)
                .setParameter("book", JournalPosting.Book.DEFAULT_FUND)
                .setParameter("member", memberId)
                .setParameter("currency", currency)
                .getSingleResult();
        required = required.setScale(scale, RoundingMode.UNNECESSARY);
        held = held.setScale(scale, RoundingMode.UNNECESSARY);
        return new DefaultFundPosition(memberId, currency, required, held, held.subtract(required).max(
                BigDecimal.ZERO.setScale(scale)), requirement == null ? null : requirement.sizingId,
                requirement == null ? null : requirement.effectiveDate, ContributionCall.outstanding(memberId));
    }

    /** How much is missing; zero or negative when the requirement is met. */
    public BigDecimal shortfall() {
        return required.subtract(held);
    }
}
