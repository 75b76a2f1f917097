/**
 * The indices contracts cash-settle against, run along the IOSCO principles for financial benchmarks: definitions,
 * versioned methodologies, provider values and values computed from panel observations, each publication versioned,
 * audited and announced as {@code IndexValuePublished}. {@link io.computeclearing.settlement.index.IndexValues} serves
 * the values in force to settlement; the mathematics lives in {@code method}, the REST resources in {@code rest}.
 */
package io.computeclearing.settlement.index;
