package io.computeclearing.settlement.finalsettlement;

import io.computeclearing.settlement.index.IndexValue;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an instrument's final settlement price (FSP) was fixed: the index values used ({@code inputs}, each with its
 * version), their unrounded result by {@code rule}, and {@code price}, that result rounded to the nearest tick.
 */
public record FinalSettlementFixing(String instrumentId, String rule, String indexId, BigDecimal unroundedValue,
                                    BigDecimal price, String currency, List<IndexValue> inputs) {
}
