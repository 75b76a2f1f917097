package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Clearing members (account-service {@code /members}): admitted, suspended and reinstated by the back office. */
public final class Members {

    public enum MembershipType { GENERAL_CLEARING_MEMBER, DIRECT_CLEARING_MEMBER }

    /** DEFAULTED: declared in default (four eyes at risk-service); final, no new business. */
    public enum Status { ACTIVE, SUSPENDED, DEFAULTED }

    /** @param lei the member's ISO 17442 Legal Entity Identifier (20 characters, valid check digits) */
    public record NewMember(String id, String legalName, String lei, MembershipType membershipType) {
    }

    public record Member(String id, String legalName, String lei, MembershipType membershipType, Status status,
                         String statusReason, Instant createdAt, Instant updatedAt) {
    }

    private record Reason(String reason) {
    }

    private final RestCalls calls;
    private final URI members;

    Members(RestCalls calls, URI accountService) {
        this.calls = calls;
        this.members = RestCalls.url(accountService, "members");
    }

    /** Admits a member (back office); 409 {@code /problems/conflict} when the id or LEI is taken. */
    public Member register(NewMember member) {
        return calls.post(members, member, Member.class);
    }

    public List<Member> list() {
        return calls.get(members, new TypeReference<>() { });
    }

    /** A member user reads its own member only; any other is 404 as if it did not exist. */
    public Member get(String id) {
        return calls.get(RestCalls.url(members, id), Member.class);
    }

    public Member suspend(String id, String reason) {
        return calls.post(RestCalls.url(members, id, "suspend"), new Reason(reason), Member.class);
    }

    public Member reinstate(String id, String reason) {
        return calls.post(RestCalls.url(members, id, "reinstate"), new Reason(reason), Member.class);
    }
}
