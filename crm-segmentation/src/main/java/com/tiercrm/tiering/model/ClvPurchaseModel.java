package com.tiercrm.tiering.model;

/**
 * The model of purchases and drop-out behind P(alive) and expected purchases.
 */
public enum ClvPurchaseModel {

	/**
	 * BG/NBD (Fader, Hardie and Lee 2005): a customer can drop out only after a repeat
	 * purchase, so a one-time buyer is always alive.
	 */
	BG_NBD,

	/**
	 * Modified BG/NBD (Batislam, Denizel and Filiztekin 2007): a customer can also drop
	 * out right after the first purchase, so a one-time buyer who stays silent becomes
	 * less likely to be alive.
	 */
	MBG_NBD;

	/**
	 * The shift of the drop-out count: 0 for BG/NBD, 1 for MBG/NBD, where a drop-out
	 * opportunity follows every purchase including the first.
	 * @return the shift
	 */
	int dropOutShift() {
		return (this == MBG_NBD) ? 1 : 0;
	}

}
