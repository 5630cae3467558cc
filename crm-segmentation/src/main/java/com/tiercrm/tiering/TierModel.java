package com.tiercrm.tiering;

/**
 * Which model's class becomes a customer's tier.
 */
public enum TierModel {

	ABC, RFM, CLV

}
