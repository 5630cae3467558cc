package com.tiercrm.tiering.model;

/**
 * How a customer's predicted value was computed.
 */
public enum ClvMethod {

	/**
	 * BG/NBD expected purchases times Gamma-Gamma expected spend, discounted monthly.
	 */
	BG_NBD_GAMMA_GAMMA,

	/**
	 * MBG/NBD expected purchases times Gamma-Gamma expected spend, discounted monthly.
	 */
	MBG_NBD_GAMMA_GAMMA,

	/**
	 * BG/NBD expected purchases, discounted monthly, times the customer's own mean repeat
	 * spend (the mean over repeat buyers for a one-time buyer): Gamma-Gamma could not be
	 * fitted, the spend part is simplified.
	 */
	BG_NBD_OWN_SPEND,

	/**
	 * As {@link #BG_NBD_OWN_SPEND} with MBG/NBD expected purchases.
	 */
	MBG_NBD_OWN_SPEND,

	/**
	 * The plain fallback: average order value (total revenue / completed orders) × orders
	 * per month over the customer's tenure (first purchase to as-of date, at least one
	 * 30-day month) × margin × the configured expected lifetime in months, without
	 * discounting. Used for everyone when the fit falls back, and for a single customer
	 * whose hypergeometric series does not converge.
	 */
	SIMPLE,

	/**
	 * No prediction: the customer never completed an order.
	 */
	NONE;

	/**
	 * The method for a fitted purchase model.
	 * @param model the purchase model
	 * @param spendFitted whether Gamma-Gamma was fitted
	 * @return the method
	 */
	static ClvMethod of(ClvPurchaseModel model, boolean spendFitted) {
		if (model == ClvPurchaseModel.MBG_NBD) {
			return spendFitted ? MBG_NBD_GAMMA_GAMMA : MBG_NBD_OWN_SPEND;
		}
		return spendFitted ? BG_NBD_GAMMA_GAMMA : BG_NBD_OWN_SPEND;
	}

	/**
	 * Whether P(alive) and expected purchases come from a fitted purchase model.
	 * @return {@code true} unless the method is SIMPLE or NONE
	 */
	public boolean purchaseModelFitted() {
		return this != SIMPLE && this != NONE;
	}

}
