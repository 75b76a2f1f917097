package io.computeclearing.account.ledger;

import io.computeclearing.account.ledger.JournalPosting.Book;
import io.computeclearing.account.valuation.Asset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryTest {

    private static final Asset USD = Asset.cash("USD");
    private static final Asset BOND = Asset.security("US912828YK09");

    @Test
    void postingsThatSumToZeroPerAssetBalance() {
        assertThatCode(() -> JournalEntry.requireBalanced(List.of(
                JournalPosting.of(Book.MEMBER_COLLATERAL, "ALPHA-H", USD, new BigDecimal("1000000.00")),
                JournalPosting.of(Book.CCP_CASH_AT_BANK, null, USD, new BigDecimal("-1000000.00")),
                JournalPosting.of(Book.MEMBER_COLLATERAL, "ALPHA-H", BOND, new BigDecimal("250000")),
                JournalPosting.of(Book.CCP_SECURITIES_CUSTODY, null, BOND, new BigDecimal("-250000.00")))))
                .doesNotThrowAnyException();
    }

    @Test
    void anEntryThatDoesNotSumToZeroIsRefused() {
        assertThatThrownBy(() -> JournalEntry.requireBalanced(List.of(
                JournalPosting.of(Book.MEMBER_COLLATERAL, "ALPHA-H", USD, new BigDecimal("1000000.00")),
                JournalPosting.of(Book.CCP_CASH_AT_BANK, null, USD, new BigDecimal("-999999.99")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("USD postings sum to 0.01");
    }

    @Test
    void balancingAcrossDifferentAssetsDoesNotCount() {
        assertThatThrownBy(() -> JournalEntry.requireBalanced(List.of(
                JournalPosting.of(Book.MEMBER_COLLATERAL, "ALPHA-H", USD, new BigDecimal("100.00")),
                JournalPosting.of(Book.CCP_CASH_AT_BANK, null, Asset.cash("CNY"), new BigDecimal("-100.00")))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSinglePostingIsNotAnEntry() {
        assertThatThrownBy(() -> JournalEntry.requireBalanced(List.of(
                JournalPosting.of(Book.MEMBER_COLLATERAL, "ALPHA-H", USD, BigDecimal.ZERO))))
                .isInstanceOf(IllegalStateException.class);
    }
}
