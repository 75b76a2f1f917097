package io.computeclearing.margin.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.computeclearing.margin.requirement.CurrencyMargin;
import io.computeclearing.platform.events.margin.MarginEvents.CurrencyRequirement;

import java.util.List;

/**
 * The answer to a what-if query, computed and not stored. For an account and trades: {@code before} (its positions
 * now), {@code after} (with the trades) and {@code change} (after minus before, per currency); for a portfolio:
 * {@code requirements}. Each currency's requirement carries its breakdown per combined commodity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIfMargin(String accountId, String accountType, String baseCurrency, List<CurrencyMargin> before,
                           List<CurrencyMargin> after, List<CurrencyRequirement> change,
                           List<CurrencyMargin> requirements) {
}
