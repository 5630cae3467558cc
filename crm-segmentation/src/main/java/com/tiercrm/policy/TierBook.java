package com.tiercrm.policy;

import java.util.List;

/**
 * The tiers of one model with their policies, and which model the segmentation uses now.
 *
 * @param shown the model whose tiers these are: {@code ABC}, {@code RFM} or {@code CLV}
 * @param inForce the model of the current segmentation configuration
 * @param models every model that has tiers
 * @param tiers best tier first
 */
public record TierBook(String shown, String inForce, List<String> models, List<TierPolicy> tiers) {

}
