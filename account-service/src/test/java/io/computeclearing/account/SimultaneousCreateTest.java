package io.computeclearing.account;

import io.computeclearing.testsupport.DatabaseProbe;
import io.computeclearing.testsupport.Simultaneous;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identical creates sent at the same moment answer as if they had come one after the other: one 201 and, for the
 * rest, what a repeated create answers (409 naming the thing, or 200 for a security); never a 5xx, one row.
 */
@QuarkusTest
class SimultaneousCreateTest {

    private static final int CLIENTS = 8;

    @Inject
    DatabaseProbe db;

    @Test
    void oneOfEightRegistrationsOfAMemberWinsTheOthersAreToldItExists() {
        String id = Api.unique("RACE");
        String body = """
                {"id":"%s","legalName":"Race Clearing LLC","lei":"%s","membershipType":"GENERAL_CLEARING_MEMBER"}"""
                .formatted(id, Api.lei());

        List<Response> answers = Simultaneous.send(CLIENTS, () -> Api.backOffice().body(body).post("/members"));

        assertOneCreatedRestRefused(answers, "/problems/member-exists", "member '" + id + "' already exists");
        assertThat(db.count("select count(*) from clearing_member where id = ?", id)).isEqualTo(1);
    }

    @Test
    void simultaneousMembersWithOneLeiGetOneRegistrationAndLeiInUse() {
        String lei = Api.lei();
        List<String> ids = IntStream.range(0, CLIENTS).mapToObj(i -> Api.unique("LEIRACE")).toList();
        AtomicInteger next = new AtomicInteger();

        List<Response> answers = Simultaneous.send(CLIENTS, () -> Api.backOffice().body("""
                {"id":"%s","legalName":"Race Clearing LLC","lei":"%s","membershipType":"GENERAL_CLEARING_MEMBER"}"""
                .formatted(ids.get(next.getAndIncrement()), lei)).post("/members"));

        assertOneCreatedRestRefused(answers, "/problems/lei-in-use",
                "LEI " + lei + " is already registered to another member");
        assertThat(db.count("select count(*) from clearing_member where lei = ?", lei)).isEqualTo(1);
    }

    @Test
    void oneOfEightOpeningsOfAnAccountWinsTheOthersAreToldItExists() {
        String memberId = Api.registerMember("RACEACC");
        String id = memberId + "-H";
        String body = """
                {"id":"%s","memberId":"%s","type":"HOUSE","baseCurrency":"USD"}""".formatted(id, memberId);

        List<Response> answers = Simultaneous.send(CLIENTS, () -> Api.backOffice().body(body).post("/accounts"));

        assertOneCreatedRestRefused(answers, "/problems/account-exists", "account '" + id + "' already exists");
        assertThat(db.count("select count(*) from account where id = ?", id)).isEqualTo(1);
    }

    @Test
    void simultaneousDefinitionsOfANewSecurityCreateItOnceAndPriceItEachTime() {
        String id = Api.unique("RACE.BILL");
        String body = """
                {"description":"Race bill","assetType":"TREASURY_BILL","currency":"USD","price":98.5}""";

        List<Response> answers = Simultaneous.send(CLIENTS,
                () -> Api.backOffice().body(body).put("/collateral/securities/" + id));

        // As when sent one after the other: the first creates the security, each later one adds a price version.
        List<Integer> expected = new ArrayList<>(Collections.nCopies(CLIENTS - 1, 200));
        expected.addFirst(201);
        assertThat(Simultaneous.statuses(answers)).isEqualTo(expected.stream().sorted().toList());
        answers.forEach(a -> assertThat(a.jsonPath().getString("id")).isEqualTo(id));
        assertThat(db.count("select count(*) from collateral_security where id = ?", id)).isEqualTo(1);
        assertThat(db.count("select count(*) from security_price where security_id = ?", id)).isEqualTo(CLIENTS);
    }

    private static void assertOneCreatedRestRefused(List<Response> answers, String type, String detail) {
        assertThat(Simultaneous.statuses(answers)).first().isEqualTo(201);
        List<Response> refused = answers.stream().filter(a -> a.statusCode() != 201).toList();
        assertThat(refused).hasSize(CLIENTS - 1).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(409);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.jsonPath().getString("type")).isEqualTo(type);
            assertThat(a.jsonPath().getString("detail")).isEqualTo(detail);
        });
    }
}
