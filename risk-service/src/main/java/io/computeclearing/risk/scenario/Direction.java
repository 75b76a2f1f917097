package io.computeclearing.risk.scenario;

/** Which worst move a historical scenario takes: the largest fall or the largest rise. */
public enum Direction {
    DOWN, UP
}
