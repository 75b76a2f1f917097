package io.computeclearing.settlement.index;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.Simultaneous;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One index defined by eight clients at once: one 201, seven 409 index-exists as for a repeat, one row. */
@QuarkusTest
class SimultaneousIndexDefinitionTest {

    private static final int CLIENTS = 8;

    @Inject
    DatabaseProbe db;

    @Test
    void oneOfEightDefinitionsWinsTheOthersAreToldItExists() {
        String id = IndexApi.unique("RACE");
        String body = """
                {"id":"%s","name":"Race index","unit":"USD per GPU-hour","currency":"USD","valueScale":3,
                 "publicationTime":"17:30","publicationZone":"Europe/London","description":"raced"}""".formatted(id);

        List<Response> answers = Simultaneous.send(CLIENTS, () -> IndexApi.backOffice().body(body).post("/indices"));

        assertThat(Simultaneous.statuses(answers)).first().isEqualTo(201);
        assertThat(answers.stream().filter(a -> a.statusCode() != 201).toList()).hasSize(CLIENTS - 1)
                .allSatisfy(a -> {
                    assertThat(a.statusCode()).isEqualTo(409);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(a.jsonPath().getString("type")).isEqualTo("/problems/index-exists");
                    assertThat(a.jsonPath().getString("detail")).isEqualTo("index '" + id + "' already exists");
                });
        assertThat(db.count("select count(*) from index_definition where id = ?", id)).isEqualTo(1);
    }
}
