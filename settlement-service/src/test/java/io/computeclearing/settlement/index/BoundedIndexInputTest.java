package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Regression tests of issue 11: observation prices and index values beyond their documented domain (which margin-
 * service's index projection must hold) are refused as problem+json before anything is committed.
 */
@QuarkusTest
class BoundedIndexInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DatabaseProbe db;

    @ParameterizedTest
    @ValueSource(strings = {"1e131071", "1e400", "100000000000000000", "0.00000000001"})
    void anObservationPriceOutsideItsDomainIsRefusedAndNothingIsWritten(String price) {
        String index = IndexApi.newIndex(IndexApi.MEDIAN_OF_THREE);
        String body = "[" + IndexApi.observation(IndexApi.unique("OBS"), "P1", "TRANSACTION", price, "10",
                Instant.parse("2029-07-02T15:00:00Z")) + "]";
        long before = db.count("select count(*) from index_observation");
        IndexApi.backOffice().body(body).post("/indices/{id}/observations", index).then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("[0].price"));
        assertThat(db.count("select count(*) from index_observation")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e131071", "100000000000000000", "2.123456789"})
    void anIndexValueOutsideItsDomainIsRefusedAndNothingIsWritten(String value) {
        LocalDate date = IndexApi.uniqueDate();
        long before = db.count("select count(*) from index_value") + db.count("select count(*) from outbox_event");
        IndexApi.indexProvider().body("{\"valueDate\":\"%s\",\"value\":%s}".formatted(date, value))
                .post("/indices/SDH100RT/values").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations[0].field", equalTo("value"));
        assertThat(db.count("select count(*) from index_value") + db.count("select count(*) from outbox_event"))
                .isEqualTo(before);
    }
}
