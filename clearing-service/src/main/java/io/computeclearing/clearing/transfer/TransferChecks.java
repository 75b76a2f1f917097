package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.catalogue.Instrument;
import io.computeclearing.clearing.day.BusinessDays;
import io.computeclearing.clearing.position.Position;
import io.computeclearing.clearing.position.PositionKeeping;
import io.computeclearing.clearing.trade.CaptureContextLoader;
import io.computeclearing.clearing.transfer.TransferRefused.Reason;
import io.computeclearing.platform.accounts.AccountDirectory;
import io.computeclearing.platform.accounts.KnownAccount;
import io.computeclearing.platform.accounts.KnownMember;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The business rules a transfer instruction must meet to be booked, checked in the order of
 * {@link TransferRefused.Reason}; the first broken one refuses it. The giving account must be a defaulted member's
 * (that it takes no new business is what default management is for), the receiving one another member's that takes
 * business; the instruments listed and not expired on the transfer's business date, the first open one after the
 * price date, with no day closed in between (else the prices are not the last settlement prices); and for a porting or
 * an auction the defaulter must hold what each leg gives. What the checks read stays as read until the transaction
 * ends: instruments and the date are held in share mode (like trade capture), both accounts' positions in the
 * instruments are locked in lock order (like every position writer).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TransferChecks {

    /** What a transfer that passed its checks is booked with. */
    public record Bookable(KnownAccount from, KnownAccount to, LocalDate businessDate,
                           Map<String, Instrument> instruments) {
    }

    private final AccountDirectory directory;
    private final CaptureContextLoader loader;
    private final BusinessDays days;
    private final PositionKeeping positions;

    public TransferChecks(AccountDirectory directory, CaptureContextLoader loader, BusinessDays days,
                          PositionKeeping positions) {
        this.directory = directory;
        this.loader = loader;
        this.days = days;
        this.positions = positions;
    }

    public Bookable check(TransferInstruction instruction) throws TransferRefused {
        KnownAccount from = account(instruction.fromAccountId(), instruction.fromMemberId());
        if (from.memberStatus != KnownMember.Status.DEFAULTED) {
            String standing = from.memberStatus == null ? "not yet registered" : from.memberStatus.name();
            throw new TransferRefused(Reason.NOT_DEFAULTED, "member " + from.memberId + " of account '" + from.id
                    + "' is " + standing + ", not DEFAULTED: only a defaulted member's positions are transferred");
        }
        KnownAccount to = account(instruction.toAccountId(), instruction.toMemberId());
        if (to.memberId.equals(from.memberId)) {
            throw new TransferRefused(Reason.SAME_MEMBER, "account '" + to.id + "' belongs to " + to.memberId
                    + ", the defaulted member itself");
        }
        if (!to.acceptsBusiness()) {
            throw new TransferRefused(Reason.RECEIVER_CLOSED, "account '" + to.id + "' does not accept business ("
                    + to.closedBecause() + ")");
        }
        Map<String, Instrument> instruments = loader.holdInstruments(instruction.instrumentIds());
        for (String id : instruction.instrumentIds()) {
            if (!instruments.containsKey(id)) {
                throw new TransferRefused(Reason.UNKNOWN_INSTRUMENT, "instrument '" + id + "' is not listed");
            }
        }
        LocalDate businessDate = businessDate(instruction.priceDate());
        for (Instrument instrument : instruments.values()) {
            requireTrading(instrument, businessDate);
        }
        List<Position> standing = positions.hold(List.of(from.id, to.id), instruction.instrumentIds());
        if (instruction.takesHeldContracts()) {
            requireHeld(instruction, from, standing);
        }
        return new Bookable(from, to, businessDate, instruments);
    }

    private KnownAccount account(String accountId, String memberId) throws TransferRefused {
        Optional<KnownAccount> account = directory.find(accountId);
        if (account.isEmpty()) {
            throw new TransferRefused(Reason.UNKNOWN_ACCOUNT, "account '" + accountId + "' is not known");
        }
        if (!account.get().memberId.equals(memberId)) {
            throw new TransferRefused(Reason.UNKNOWN_ACCOUNT, "account '" + accountId + "' belongs to member "
                    + account.get().memberId + ", not " + memberId);
        }
        return account.get();
    }

    /** The first open business day after the price date, provided no business day closed in between. */
    private LocalDate businessDate(LocalDate priceDate) throws TransferRefused {
        Optional<LocalDate> open = days.holdFirstOpenAfter(priceDate);
        if (open.isEmpty()) {
            throw new TransferRefused(Reason.NO_OPEN_DAY, "no business day after the price date " + priceDate
                    + " is open");
        }
        List<LocalDate> closed = days.closedBetween(priceDate, open.get());
        if (!closed.isEmpty()) {
            throw new TransferRefused(Reason.PRICES_STALE, closed.size() + " business day(s) closed after the price "
                    + "date " + priceDate + " (the latest " + closed.getLast() + "), before " + open.get()
                    + ", the first open one: the prices are not the last settlement prices");
        }
        return open.get();
    }

    private static void requireTrading(Instrument instrument, LocalDate businessDate) throws TransferRefused {
        if (instrument.settled()) {
            throw new TransferRefused(Reason.INSTRUMENT_EXPIRED, "instrument '" + instrument.id + "' was finally "
                    + "settled: its positions are closed");
        }
        if (instrument.statusOn(businessDate) == Instrument.Status.EXPIRED) {
            throw new TransferRefused(Reason.INSTRUMENT_EXPIRED, "instrument '" + instrument.id + "' expired after "
                    + "its last trading day " + instrument.lastTradingDay + ", before the transfer's business date "
                    + businessDate);
        }
    }

    /**
     * The defaulter's position holds every leg, the legs of one instrument and direction added up (an auction lot's
     * bid may price one position in two legs): a client omnibus account gives positive legs out of its long and
     * negative ones out of its short; a netting account's net must be at least the positive legs, at most the
     * negative ones.
     */
    private static void requireHeld(TransferInstruction instruction, KnownAccount from, List<Position> standing)
            throws TransferRefused {
        Map<String, Position> held = standing.stream()
                .filter(position -> position.accountId.equals(from.id))
                .collect(Collectors.toMap(position -> position.instrumentId, Function.identity()));
        Map<String, Long> given = new LinkedHashMap<>();
        for (TransferLeg leg : instruction.legs()) {
            given.merge(leg.instrumentId() + (leg.quantity() > 0 ? " +" : " -"), leg.quantity(), Math::addExact);
        }
        for (Map.Entry<String, Long> legs : given.entrySet()) {
            String instrumentId = legs.getKey().substring(0, legs.getKey().length() - 2);
            Position position = held.get(instrumentId);
            long longQuantity = position == null ? 0 : position.longQuantity;
            long shortQuantity = position == null ? 0 : position.shortQuantity;
            boolean gross = position != null && position.gross;
            long q = legs.getValue();
            boolean holds = gross ? (q > 0 ? longQuantity >= q : shortQuantity >= -q)
                    : (q > 0 ? longQuantity - shortQuantity >= q : longQuantity - shortQuantity <= q);
            if (!holds) {
                String has = gross ? "long " + longQuantity + " and short " + shortQuantity
                        : "net " + (longQuantity - shortQuantity);
                throw new TransferRefused(Reason.NOT_HELD, "account '" + from.id + "' holds " + has + " of "
                        + instrumentId + ": it cannot give " + (q > 0 ? "a long of " + q : "a short of " + -q));
            }
        }
    }
}
