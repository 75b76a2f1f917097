package io.computeclearing.account.member;

import io.computeclearing.account.Api;
import io.computeclearing.testsupport.DatabaseProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A member may name an existing member as its parent, at registration or later; the chain of parents never loops.
 * Each change is published once.
 */
@QuarkusTest
class AffiliationTest {

    @Inject
    DatabaseProbe db;

    @Test
    void aMemberRegisteredWithAParentShowsAndPublishesIt() {
        String parent = Api.registerMember("GROUP");
        String child = Api.unique("SUB");

        Api.backOffice().body("""
                        {"id":"%s","legalName":"Sub Clearing Ltd","lei":"%s","membershipType":"DIRECT_CLEARING_MEMBER",
                         "parentMemberId":"%s"}""".formatted(child, Api.lei(), parent))
                .post("/members").then().statusCode(201).body("parentMemberId", equalTo(parent));

        Api.backOffice().get("/members/{id}", child).then().statusCode(200).body("parentMemberId", equalTo(parent));
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberRegistered' and payload->>'parentMemberId' = ?", child, parent)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberRegistered' and payload->'parentMemberId' = 'null'::jsonb", parent)).isEqualTo(1);
    }

    @Test
    void anUnknownParentIsRefusedAndNothingIsRegistered() {
        String child = Api.unique("ORPHAN");

        Api.backOffice().body("""
                        {"id":"%s","legalName":"Orphan LLC","lei":"%s","membershipType":"GENERAL_CLEARING_MEMBER",
                         "parentMemberId":"NO-SUCH-PARENT"}""".formatted(child, Api.lei()))
                .post("/members").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-member"));

        assertThat(db.count("select count(*) from clearing_member where id = ?", child)).isZero();
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ?", child)).isZero();
    }

    @Test
    void aChangePublishesOnceAndTheSameParentAgainChangesNothing() {
        String parent = Api.registerMember("HOLD");
        String member = Api.registerMember("AFFIL");

        Api.backOffice().body("{\"parentMemberId\":\"" + parent + "\"}").put("/members/{id}/parent", member)
                .then().statusCode(200).body("parentMemberId", equalTo(parent));
        Api.backOffice().body("{\"parentMemberId\":\"" + parent + "\"}").put("/members/{id}/parent", member)
                .then().statusCode(200).body("parentMemberId", equalTo(parent));

        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberAffiliationChanged' and payload->>'parentMemberId' = ?", member, parent)).isEqualTo(1);

        Api.backOffice().body("{\"parentMemberId\":null}").put("/members/{id}/parent", member)
                .then().statusCode(200).body("parentMemberId", nullValue());
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberAffiliationChanged'", member)).isEqualTo(2);
        Api.backOffice().get("/members/{id}", member).then().body("parentMemberId", nullValue());
    }

    @Test
    void aParentThatWouldCloseALoopIsRefused() {
        // TOP <- MID <- LOW: naming LOW (or MID) as TOP's parent would make TOP its own ancestor
        String top = Api.registerMember("TOP");
        String mid = Api.registerMember("MID");
        String low = Api.registerMember("LOW");
        Api.backOffice().body("{\"parentMemberId\":\"" + top + "\"}").put("/members/{id}/parent", mid)
                .then().statusCode(200);
        Api.backOffice().body("{\"parentMemberId\":\"" + mid + "\"}").put("/members/{id}/parent", low)
                .then().statusCode(200);

        Api.backOffice().body("{\"parentMemberId\":\"" + low + "\"}").put("/members/{id}/parent", top)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/affiliation-cycle"));
        Api.backOffice().body("{\"parentMemberId\":\"" + top + "\"}").put("/members/{id}/parent", top)
                .then().statusCode(422)
                .body("type", equalTo("/problems/affiliation-cycle"));

        Api.backOffice().get("/members/{id}", top).then().body("parentMemberId", nullValue());
        assertThat(db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = "
                + "'MemberAffiliationChanged'", top)).isZero();
    }

    @Test
    void anUnknownParentOrMemberIsRefused() {
        String member = Api.registerMember("LONE");

        Api.backOffice().body("{\"parentMemberId\":\"NOBODY\"}").put("/members/{id}/parent", member)
                .then().statusCode(422).body("type", equalTo("/problems/unknown-member"));
        Api.backOffice().body("{\"parentMemberId\":\"" + member + "\"}").put("/members/{id}/parent", "NOBODY")
                .then().statusCode(404);
        Api.backOffice().body("{\"parentMemberId\":\"lower case\"}").put("/members/{id}/parent", member)
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
        Api.backOffice().get("/members/{id}", member).then().body("parentMemberId", nullValue());
    }
}
