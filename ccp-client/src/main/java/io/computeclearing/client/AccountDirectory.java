package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URI;
import java.util.List;

/**
 * The accounts clearing-service, margin-service or settlement-service learnt from account-service's events
 * ({@code GET /accounts} of that service): each keeps its own copy, so right after an account is opened a service may
 * not know it yet.
 */
public final class AccountDirectory {

    public enum AccountType { HOUSE, CLIENT_OMNIBUS, CLIENT_SEGREGATED }

    public enum Status { ACTIVE, SUSPENDED }

    /** An account as the service knows it: clearing-service takes its trades only while {@code acceptsBusiness}. */
    public record KnownAccount(String id, String memberId, AccountType accountType, String baseCurrency,
                               Status status, Members.Status memberStatus, boolean acceptsBusiness) {
    }

    private final RestCalls calls;
    private final URI accounts;

    AccountDirectory(RestCalls calls, URI service) {
        this.calls = calls;
        this.accounts = RestCalls.url(service, "accounts");
    }

    /** Every account the service knows (staff), of one member when {@code memberId} is not null. */
    public List<KnownAccount> list(String memberId) {
        return calls.get(RestCalls.query(accounts, RestCalls.parameters("memberId", memberId)),
                new TypeReference<>() { });
    }

    /** A member user reads its own member's accounts only; any other is 404. */
    public KnownAccount get(String id) {
        return calls.get(RestCalls.url(accounts, id), KnownAccount.class);
    }
}
