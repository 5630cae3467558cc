package com.tiercrm.tiering.model;

/**
 * The tier that takes effect after a run.
 *
 * @param <T> the class type
 * @param effective the tier in effect after this run
 * @param pendingDowngrades consecutive runs so far that proposed a lower class without it
 * taking effect; store it for the next run
 * @param changed whether the effective tier differs from the previous one
 */
public record TierDecision<T>(T effective, int pendingDowngrades, boolean changed) {

}
