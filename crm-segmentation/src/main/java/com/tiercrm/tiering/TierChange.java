package com.tiercrm.tiering;

/**
 * A customer whose tier changed between two runs.
 */
public record TierChange(long customerId, String code, String name, String fromTier, String toTier) {

}
