package io.computeclearing.account.requirement;

import io.computeclearing.account.account.Account;
import io.computeclearing.account.cover.CoverAssessment;
import io.computeclearing.account.cover.CoverAssessments;
import io.computeclearing.account.cycle.SettlementCycles;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;
import io.computeclearing.platform.events.margin.MarginEvents.MarginRequirementCalculated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps each account's latest margin requirement from margin-service. Until margin-service has published one for an
 * account, its requirement is zero. A requirement applied has the account's cover assessed again (which may settle a
 * margin call); one calculated for a settlement cycle also goes to {@link SettlementCycles}, which calls margin from
 * it and the cycle's postings, even when a later requirement is already in place.
 */
@ApplicationScoped
@Transactional
public class MarginRequirements {

    /** What became of a published requirement. */
    public enum Outcome { APPLIED, STALE, UNKNOWN_ACCOUNT, INVALID }

    /** An account's requirement as calculated at {@code calculatedAt} (null, with no lines, before the first one). */
    public record Requirement(String accountId, Instant calculatedAt, List<MarginRequirement.Line> requirements) {
    }

    private static final Logger LOG = Logger.getLogger(MarginRequirements.class);

    private final CoverAssessments cover;
    private final SettlementCycles cycles;
    private final Clock clock;

    public MarginRequirements(CoverAssessments cover, SettlementCycles cycles, Clock clock) {
        this.cover = cover;
        this.cycles = cycles;
        this.clock = clock;
    }

    /**
     * Replaces the account's requirement unless the one in place was calculated at the same time or later (an older
     * calculation arriving late is ignored). Locks the account, like a withdrawal, so the two never interleave.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(UUID eventId, MarginRequirementCalculated calculated) {
        String invalid = contractViolation(calculated);
        if (invalid != null) {
            LOG.errorf("ignoring margin requirement event %s: %s", eventId, invalid);
            return Outcome.INVALID;
        }
        Account account = Account.findById(calculated.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            LOG.warnf("ignoring margin requirement event %s for unknown account %s", eventId, calculated.accountId());
            return Outcome.UNKNOWN_ACCOUNT;
        }
        Instant calculatedAt = calculated.calculatedAt().truncatedTo(ChronoUnit.MICROS);
        if (calculated.cycleId() != null) {
            Map<String, BigDecimal> margins = new TreeMap<>();
            calculated.requirements().forEach(line -> margins.put(line.currency(), line.initialMargin()));
            cycles.requirementArrived(account, calculated.cycleId(), margins, calculatedAt);
        }
        MarginRequirement requirement = MarginRequirement.findById(account.id);
        if (requirement != null && !calculatedAt.isAfter(requirement.calculatedAt)) {
            LOG.infof("ignoring margin requirement event %s for %s calculated at %s: the one from %s is in place",
                    eventId, account.id, calculatedAt, requirement.calculatedAt);
            return Outcome.STALE;
        }
        boolean first = requirement == null;
        if (first) {
            requirement = new MarginRequirement();
            requirement.accountId = account.id;
        }
        requirement.calculatedAt = calculatedAt;
        requirement.eventId = eventId;
        requirement.receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        requirement.lines.clear();
        for (CurrencyRequirement line : calculated.requirements()) {
            requirement.lines.add(MarginRequirement.Line.of(line.currency(), line.initialMargin(),
                    line.maintenanceMargin()));
        }
        if (first) {
            requirement.persist();
        }
        cover.assess(account, calculated.cycleId() == null ? CoverAssessment.Cause.REQUIREMENT
                : CoverAssessment.Cause.SETTLEMENT_CYCLE);
        return Outcome.APPLIED;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Requirement get(String accountId) {
        MarginRequirement requirement = MarginRequirement.findById(accountId);
        if (requirement == null) {
            return new Requirement(accountId, null, List.of());
        }
        return new Requirement(accountId, requirement.calculatedAt, requirement.lines.stream()
                .sorted(Comparator.comparing((MarginRequirement.Line line) -> line.currency)).toList());
    }

    /** What is wrong with a published requirement, or null if it keeps the contract. */
    private static String contractViolation(MarginRequirementCalculated calculated) {
        if (calculated.accountId() == null || calculated.calculatedAt() == null || calculated.requirements() == null) {
            return "accountId, calculatedAt and requirements are required";
        }
        if (calculated.cycleId() != null && (calculated.cycleId().isBlank() || calculated.cycleId().length() > 60)) {
            return "cycleId must not be blank nor longer than 60 characters";
        }
        Set<String> currencies = new HashSet<>();
        for (CurrencyRequirement line : calculated.requirements()) {
            if (line == null || line.currency() == null || !line.currency().matches("[A-Z]{3}")) {
                return "every line needs an ISO 4217 currency";
            }
            if (!currencies.add(line.currency())) {
                return "currency " + line.currency() + " appears twice";
            }
            if (!nonNegative(line.initialMargin()) || !nonNegative(line.maintenanceMargin())) {
                return "margins in " + line.currency() + " must be present and not negative";
            }
        }
        return null;
    }

    private static boolean nonNegative(BigDecimal amount) {
        return amount != null && amount.signum() >= 0;
    }
}
