package com.tiercrm.tiering.insight;

import org.springframework.modulith.NamedInterface;

/**
 * A customer whose tier changed between two runs.
 */
@NamedInterface("insight")
public record TierChange(long customerId, String code, String name, String fromTier, String toTier) {

}
