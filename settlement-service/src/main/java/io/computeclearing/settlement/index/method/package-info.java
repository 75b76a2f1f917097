/**
 * The index mathematics as plain Java (no Quarkus, no database), exact in {@link java.math.BigDecimal}: which panel
 * observations a computation uses ({@link io.computeclearing.settlement.index.method.PanelSelection}) and the two
 * methods that turn them into one price ({@link io.computeclearing.settlement.index.method.VolumeWeightedMedian},
 * {@link io.computeclearing.settlement.index.method.VolumeWeightedTrimmedMean}).
 */
package io.computeclearing.settlement.index.method;
