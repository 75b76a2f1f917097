package io.computeclearing.account.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegalEntityIdentifierTest {

    @Test
    void publishedLeisHaveValidCheckDigits() {
        assertThat(LegalEntityIdentifier.isValid("5493001KJTIIGC8Y1R12")).isTrue();
        assertThat(LegalEntityIdentifier.isValid("529900T8BM49AURSDO55")).isTrue();
        assertThat(LegalEntityIdentifier.isValid("HWUPKR0MPOU8FGXBT394")).isTrue();
    }

    @Test
    void aMistypedCharacterOrCheckDigitFails() {
        assertThat(LegalEntityIdentifier.isValid("5493001KJTIIGC8Y1R13")).isFalse();
        assertThat(LegalEntityIdentifier.isValid("5493001KJTIIGC8Y1S12")).isFalse();
        // two neighbours swapped
        assertThat(LegalEntityIdentifier.isValid("4593001KJTIIGC8Y1R12")).isFalse();
    }

    @Test
    void somethingNotShapedLikeAnLeiFails() {
        assertThat(LegalEntityIdentifier.isValid(null)).isFalse();
        assertThat(LegalEntityIdentifier.isValid("5493001kjtiigc8y1r12")).isFalse();
        assertThat(LegalEntityIdentifier.isValid("5493001KJTIIGC8Y1R1")).isFalse();
        assertThat(LegalEntityIdentifier.isValid("5493001KJTIIGC8Y1RAB")).isFalse();
    }

    @Test
    void checkDigitsAreComputedFromThePrefix() {
        // 98 - ("5493001KJTIIGC8Y1R" + "00" as a number mod 97) = 12
        assertThat(LegalEntityIdentifier.withCheckDigits("5493001KJTIIGC8Y1R")).isEqualTo("5493001KJTIIGC8Y1R12");
        assertThat(LegalEntityIdentifier.isValid(LegalEntityIdentifier.withCheckDigits("969500T00000000042"))).isTrue();
        assertThatThrownBy(() -> LegalEntityIdentifier.withCheckDigits("SHORT"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
