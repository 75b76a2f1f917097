package io.computeclearing.clearing.trade;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A matched trade as the exchange reports it, whatever the channel (JSON or FIXML {@code TrdCaptRpt}): one buyer
 * account, one seller account, a quantity of contracts of one instrument at one price. The CCP novates it into two
 * legs, CCP against buyer and CCP against seller.
 *
 * @param exchangeTradeId the exchange's trade id; a resubmission with the same id and content is the same trade
 * @param instrumentId    {@code SYMBOL-YYYYMM}, for example {@code GH100-202701} (contract family and month)
 * @param quantity        contracts, positive
 * @param price           in the family's quote currency per unit (for example USD per GPU-hour); may be zero or
 *                        negative; must lie on the tick grid
 * @param buyerAccountId  account that buys (goes long)
 * @param sellerAccountId account that sells (goes short)
 * @param tradeTime       execution time at the exchange
 * @param businessDate    the clearing business date the trade belongs to
 */
public record TradeSubmission(
        String exchangeTradeId,
        String instrumentId,
        @JsonDeserialize(using = WholeContracts.class) Long quantity,
        BigDecimal price,
        String buyerAccountId,
        String sellerAccountId,
        Instant tradeTime,
        LocalDate businessDate) {
}
