package com.tiercrm.tiering.insight;

/**
 * A customer whose tier changed between two runs.
 */
public record TierChange(long customerId, String code, String name, String fromTier, String toTier) {

}
