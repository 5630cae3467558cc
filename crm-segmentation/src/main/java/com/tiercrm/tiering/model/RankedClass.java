package com.tiercrm.tiering.model;

/**
 * A class whose enum constants are declared from the best to the worst, so that a later
 * constant is a downgrade. RFM segments are not ranked and do not implement it.
 */
public interface RankedClass {

	/**
	 * Position from the best, 0 being the best.
	 * @return the enum ordinal
	 */
	int ordinal();

}
