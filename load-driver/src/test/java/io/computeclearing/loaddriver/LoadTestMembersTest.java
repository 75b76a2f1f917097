package io.computeclearing.loaddriver;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LoadTestMembersTest {

    @Test
    void everyLoadTestMemberHasItsOwnLeiWithValidIso7064CheckDigits() {
        var leis = IntStream.rangeClosed(1, 500).mapToObj(LoadTestMembers::lei).toList();
        assertThat(leis).allSatisfy(lei -> {
            assertThat(lei).hasSize(20).matches("[A-Z0-9]{18}[0-9]{2}");
            assertThat(LoadTestMembers.isValidLei(lei)).as(lei).isTrue();
        });
        assertThat(new HashSet<>(leis)).hasSize(500);
    }

    @Test
    void leiCheckAgreesWithARegisteredLei() {
        // A registered LEI, used as the standard's worked example in GLEIF material.
        assertThat(LoadTestMembers.isValidLei("5493001KJTIIGC8Y1R12")).isTrue();
        assertThat(LoadTestMembers.isValidLei("5493001KJTIIGC8Y1R13")).isFalse();
    }

    @Test
    void twoAccountsPerMemberHouseThenClient() {
        assertThat(new LoadTestMembers(6).accountIds())
                .containsExactly("LDM001-H", "LDM001-C", "LDM002-H", "LDM002-C", "LDM003-H", "LDM003-C");
        assertThat(new LoadTestMembers(1_000).accountIds()).hasSize(1_000).last().isEqualTo("LDM500-C");
    }
}
