/**
 * The default fund run end to end: sizings over the period's daily stress runs (on demand, periodically and after a
 * daily run that finds the fund in force below its Cover-2), each member's required contribution, stored and
 * published through the outbox; the fund in force, its shortfalls and the CCP's own capital over REST. The arithmetic
 * itself is {@link io.computeclearing.risk.fund}.
 */
package io.computeclearing.risk.defaultfund;
