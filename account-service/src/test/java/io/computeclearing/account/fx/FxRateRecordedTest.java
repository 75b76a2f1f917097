package io.computeclearing.account.fx;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every FX rate recorded is published, keyed by its pair, in the transaction that records it. */
@QuarkusTest
class FxRateRecordedTest {

    @Inject
    DatabaseProbe db;

    @Test
    void aRecordedRateIsInTheOutboxWithItsPairAsKey() {
        Api.backOffice().body("{\"rate\":7.1234,\"asOf\":\"2026-11-30T16:00:00Z\"}")
                .put("/collateral/fx-rates/{base}/{quote}", "USD", "CNY").then().statusCode(200);

        assertThat(db.count("""
                select count(*) from outbox_event where aggregate_id = 'USD/CNY' and event_type = 'FxRateRecorded'
                and topic = 'ccp.accounts.v1' and payload->>'baseCurrency' = 'USD'
                and payload->>'quoteCurrency' = 'CNY' and (payload->>'rate')::numeric = 7.1234
                and payload->>'asOf' = '2026-11-30T16:00:00Z'""")).isEqualTo(1);
    }

    @Test
    void aRefusedRateIsNotPublished() {
        long before = db.count("select count(*) from outbox_event where event_type = 'FxRateRecorded'");

        Api.backOffice().body("{\"rate\":1}").put("/collateral/fx-rates/{base}/{quote}", "USD", "USD")
                .then().statusCode(400);

        assertThat(db.count("select count(*) from outbox_event where event_type = 'FxRateRecorded'"))
                .isEqualTo(before);
    }
}
