package io.computeclearing.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoLeiTest {

    @Test
    void demoLeisPassTheIso17442CheckDigits() {
        assertThat(Demo.isValidLei(Demo.ALPHA_LEI)).isTrue();
        assertThat(Demo.isValidLei(Demo.BRAVO_LEI)).isTrue();
        assertThat(FireDrill.LEIS.values()).allMatch(Demo::isValidLei);
    }

    @Test
    void checkRecognisesARealLeiAndRejectsAChangedDigit() {
        // A registered LEI, used as the standard's worked example in GLEIF material.
        assertThat(Demo.isValidLei("5493001KJTIIGC8Y1R12")).isTrue();
        assertThat(Demo.isValidLei("5493001KJTIIGC8Y1R13")).isFalse();
        assertThat(Demo.isValidLei("549300ALPHACOMPUTE81")).isFalse();
    }
}
