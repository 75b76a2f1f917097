package io.computeclearing.clearing.transfer;

import io.computeclearing.clearing.trade.Trade;
import io.computeclearing.clearing.trade.TradeRules;
import io.computeclearing.platform.events.risk.RiskEvents.PositionTransferInstructed;
import io.computeclearing.platform.events.risk.RiskEvents.TransferLeg;
import io.computeclearing.platform.events.risk.RiskEvents.TransferPurpose;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A default-management transfer instruction that makes sense as a structure: every field present and within what the
 * CCP can book, each leg a non-zero whole number of contracts at a price of at most 10 decimals (one instrument may
 * come in several legs at different prices: an auction lot's bid is realised so), legs for everything but the porting
 * of an account that holds nothing (only its collateral moves). Whether it can be booked (a defaulted giver, a receiver open for business, contracts held,
 * prices current) is {@link TransferChecks}'s question; an instruction that is not even this is a broken contract,
 * and {@link #of} throws so that the consumer parks it.
 *
 * @param legs the legs as instructed, each price at a scale from 0 to 10 (trailing zeros beyond 10 dropped)
 */
public record TransferInstruction(String transferId, long defaultId, TransferPurpose purpose, String fromAccountId,
                                  String fromMemberId, String toAccountId, String toMemberId, LocalDate priceDate,
                                  List<TransferLeg> legs, String instructedBy, Instant instructedAt) {

    /** Longest transfer id: its transfer trades' exchange trade ids ({@code DM:<id>/<leg>}) must fit 64 characters. */
    public static final int MAX_TRANSFER_ID_LENGTH = 50;
    /** Most legs in one transfer (an omnibus account's long and short in every listed month is far fewer). */
    public static final int MAX_LEGS = 1000;
    /** Prices are booked as instructed, not on the tick grid, with at most this many decimals (numeric(24,10)). */
    public static final int MAX_PRICE_SCALE = 10;

    private static final int MAX_ACCOUNT_ID_LENGTH = 40;
    private static final int MAX_MEMBER_ID_LENGTH = 20;
    private static final int MAX_INSTRUMENT_ID_LENGTH = 20;
    private static final int MAX_USER_LENGTH = 100;

    /** The instruction, checked; {@link IllegalArgumentException} naming the first thing that makes no sense. */
    public static TransferInstruction of(PositionTransferInstructed instructed) {
        if (instructed == null) {
            throw new IllegalArgumentException("a transfer instruction needs a payload");
        }
        String transferId = required("transferId", instructed.transferId(), MAX_TRANSFER_ID_LENGTH);
        if (instructed.defaultId() <= 0) {
            throw new IllegalArgumentException("transfer " + transferId + ": defaultId must be positive, not "
                    + instructed.defaultId());
        }
        TransferPurpose purpose = purpose(transferId, instructed.purpose());
        if (instructed.priceDate() == null || instructed.instructedAt() == null) {
            throw new IllegalArgumentException("transfer " + transferId + ": priceDate and instructedAt are required");
        }
        return new TransferInstruction(transferId, instructed.defaultId(), purpose,
                required("fromAccountId", instructed.fromAccountId(), MAX_ACCOUNT_ID_LENGTH),
                required("fromMemberId", instructed.fromMemberId(), MAX_MEMBER_ID_LENGTH),
                required("toAccountId", instructed.toAccountId(), MAX_ACCOUNT_ID_LENGTH),
                required("toMemberId", instructed.toMemberId(), MAX_MEMBER_ID_LENGTH),
                instructed.priceDate(), legs(transferId, purpose, instructed.legs()),
                required("instructedBy", instructed.instructedBy(), MAX_USER_LENGTH), instructed.instructedAt());
    }

    /**
     * Whether the defaulter's account must hold the legs' contracts and gives them out of its long or short: a
     * porting or an auction lot; a hedge is a new trade.
     */
    public boolean takesHeldContracts() {
        return purpose != TransferPurpose.HEDGE;
    }

    /** The instruments of the legs, in leg order. */
    public Set<String> instrumentIds() {
        Set<String> ids = new LinkedHashSet<>();
        legs.forEach(leg -> ids.add(leg.instrumentId()));
        return ids;
    }

    /** The exchange trade id of the {@code number}-th leg's transfer trade (from 1). */
    public String tradeId(int number) {
        return Trade.transferTradeId(transferId, number);
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a transfer instruction needs " + field);
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static TransferPurpose purpose(String transferId, String purpose) {
        for (TransferPurpose known : TransferPurpose.values()) {
            if (known.name().equals(purpose)) {
                return known;
            }
        }
        throw new IllegalArgumentException("transfer " + transferId + ": purpose must be PORTING, AUCTION or HEDGE, "
                + "not " + purpose);
    }

    private static List<TransferLeg> legs(String transferId, TransferPurpose purpose, List<TransferLeg> legs) {
        int least = purpose == TransferPurpose.PORTING ? 0 : 1;
        if (legs == null || legs.size() < least || legs.size() > MAX_LEGS) {
            throw new IllegalArgumentException("transfer " + transferId + " must have " + least + " to " + MAX_LEGS
                    + " legs");
        }
        List<TransferLeg> checked = new ArrayList<>(legs.size());
        for (TransferLeg leg : legs) {
            int number = checked.size() + 1;
            String which = "transfer " + transferId + " leg " + number;
            if (leg == null) {
                throw new IllegalArgumentException(which + " is missing");
            }
            required("instrumentId of leg " + number, leg.instrumentId(), MAX_INSTRUMENT_ID_LENGTH);
            if (leg.quantity() == 0 || Math.abs(leg.quantity()) > TradeRules.MAX_QUANTITY) {
                throw new IllegalArgumentException(which + ": quantity must be a non-zero number of contracts up to "
                        + TradeRules.MAX_QUANTITY + " either way, not " + leg.quantity());
            }
            checked.add(new TransferLeg(leg.instrumentId(), leg.quantity(), price(which, leg.price())));
        }
        return List.copyOf(checked);
    }

    /** The price as instructed, at a scale from 0 to {@link #MAX_PRICE_SCALE}; its value is never changed. */
    private static BigDecimal price(String which, BigDecimal price) {
        if (price == null) {
            throw new IllegalArgumentException(which + " needs a price");
        }
        if (price.stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
            throw new IllegalArgumentException(which + ": price " + price.toPlainString() + " has more than "
                    + MAX_PRICE_SCALE + " decimals");
        }
        if (price.abs().compareTo(TradeRules.MAX_ABS_PRICE) >= 0) {
            throw new IllegalArgumentException(which + ": price " + price.toPlainString() + " must be less than "
                    + TradeRules.MAX_ABS_PRICE.toPlainString() + " in absolute value");
        }
        int scale = Math.clamp(price.scale(), 0, MAX_PRICE_SCALE);
        return price.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
