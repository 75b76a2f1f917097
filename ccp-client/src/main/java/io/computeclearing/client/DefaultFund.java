package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The default fund: its sizing and each member's required contribution (risk-service), and the contributions held,
 * paid in and called (account-service). The risk role sizes the fund; the back office records payments; a member
 * reads only its own line, position and calls.
 */
public final class DefaultFund {

    /**
     * A sizing: the largest Cover-2 of the period's daily stress runs, the buffer and floor, and the fund in force
     * from {@code effectiveDate}, in {@code currency}.
     */
    public record Sizing(long sizingId, LocalDate effectiveDate, LocalDate periodFrom, LocalDate periodTo, int runs,
                         String reason, String requestedBy, String currency, String riskMeasure, BigDecimal maxCover2,
                         LocalDate maxCover2Date, BigDecimal buffer, BigDecimal minimum, boolean minimumApplied,
                         BigDecimal minimumContribution, BigDecimal fundSize, int members, Instant sizedAt) {
    }

    /** A member's required contribution: {@code amount = minimum + proRata} (its share by risk measure). */
    public record Contribution(String memberId, BigDecimal measure, BigDecimal minimum, BigDecimal proRata,
                               BigDecimal amount) {
    }

    /** A sizing with every member's contribution; they add up exactly to the fund. */
    public record SizingView(Sizing sizing, List<Contribution> contributions) {
    }

    /** One member's line of a sizing, as the member reads it. */
    public record MemberLine(long sizingId, LocalDate effectiveDate, String currency, String riskMeasure,
                             BigDecimal fundSize, Contribution contribution) {
    }

    /**
     * The fund in force (null before the first sizing) and the CCP's own tranche beside it: as configured, drawn by
     * default waterfalls, left.
     */
    public record Status(String currency, Sizing inForce, BigDecimal ccpTranche, BigDecimal ccpTrancheDrawn,
                         BigDecimal ccpTrancheLeft) {
    }

    /**
     * A demand that a member bring its contribution up to {@code required} ({@code amount} more) by
     * {@code deadline}: OPEN, SETTLED or ESCALATED.
     */
    public record ContributionCall(UUID id, String memberId, String currency, BigDecimal amount, BigDecimal required,
                                   BigDecimal held, long sizingId, String status, Instant deadline, Instant issuedAt,
                                   Instant settledAt, String settledReason) {
    }

    /** What a member holds in the fund against what it must hold, and its outstanding call (null when none). */
    public record Position(String memberId, String currency, BigDecimal required, BigDecimal held,
                           BigDecimal releasable, Long sizingId, LocalDate effectiveDate,
                           ContributionCall outstandingCall) {
    }

    /**
     * A defaulter's loss covered through the default waterfall (account-service), in the fund's currency: what each
     * layer bore, each survivor's share, what no layer covered, debts in other currencies, the journal entries.
     */
    public record Waterfall(long defaultId, String memberId, String currency, BigDecimal loss,
                            BigDecimal defaulterCollateral, BigDecimal defaulterContribution, BigDecimal ccpTranche,
                            BigDecimal survivorContributions, BigDecimal survivorAssessments, BigDecimal uncovered,
                            List<SurvivorShare> survivors, List<Owed> otherCurrencies, List<String> entryIds,
                            String appliedBy, Instant appliedAt) {
    }

    public record SurvivorShare(String memberId, BigDecimal fromContribution, BigDecimal assessed) {
    }

    public record Owed(String currency, BigDecimal amount) {
    }

    private final RestCalls calls;
    private final URI members;
    private final URI sizings;
    private final URI status;
    private final URI positions;
    private final URI contributionCalls;

    DefaultFund(RestCalls calls, URI accountService, URI riskService) {
        this.calls = calls;
        this.members = RestCalls.url(accountService, "members");
        this.sizings = RestCalls.url(riskService, "default-fund-sizings");
        this.status = RestCalls.url(riskService, "default-fund-status");
        this.positions = RestCalls.url(accountService, "default-fund");
        this.contributionCalls = RestCalls.url(accountService, "contribution-calls");
    }

    /** Sizes the fund now over the period's daily runs up to the latest one (risk); 409 before any. */
    public SizingView size() {
        return calls.post(sizings, Map.of(), SizingView.class);
    }

    /** Sizes the fund now over the period's daily runs up to {@code asOf} (risk); 409 without a run in it. */
    public SizingView size(LocalDate asOf) {
        return calls.post(sizings, Map.of("asOf", asOf.toString()), SizingView.class);
    }

    /** A sizing with every member's contribution (risk, back office). */
    public SizingView sizing(long sizingId) {
        return calls.get(RestCalls.url(sizings, sizingId), SizingView.class);
    }

    /** A member's line of a sizing (another member's answers 404 to a member). */
    public MemberLine memberLine(long sizingId, String memberId) {
        return calls.get(RestCalls.url(sizings, sizingId, "members", memberId), MemberLine.class);
    }

    /** The fund in force and the CCP's capital (risk, back office). */
    public Status status() {
        return calls.get(status, Status.class);
    }

    /** What the member holds and must hold in the fund. */
    public Position position(String memberId) {
        return calls.get(RestCalls.url(positions, memberId), Position.class);
    }

    /** Records cash the member paid into the fund (back office); replayed with the same key, recorded once. */
    public Recorded<Accounts.JournalEntry> contribute(String memberId, String idempotencyKey,
                                                      Collateral.CashMovement cash) {
        return calls.record(RestCalls.url(positions, memberId, "contributions"), cash,
                Map.of("Idempotency-Key", idempotencyKey), Accounts.JournalEntry.class);
    }

    /** A contribution call (another member's answers 404 to a member). */
    public ContributionCall call(UUID id) {
        return calls.get(RestCalls.url(contributionCalls, id), ContributionCall.class);
    }

    /** The member's contribution calls, newest first. */
    public List<ContributionCall> calls(String memberId) {
        return calls.get(RestCalls.query(contributionCalls, RestCalls.parameters("memberId", memberId)),
                new TypeReference<>() { });
    }

    /**
     * Applies the default waterfall of a defaulted member whose positions are all closed out (risk, admin): its loss
     * covered layer by layer in account-service's journal, the survivors called to replenish. Once per default.
     */
    public Waterfall applyWaterfall(String memberId) {
        return calls.post(RestCalls.url(members, memberId, "default-waterfall"), null, Waterfall.class);
    }

    /** The waterfall applied for the member's default. */
    public Waterfall waterfall(String memberId) {
        return calls.get(RestCalls.url(members, memberId, "default-waterfall"), Waterfall.class);
    }
}
