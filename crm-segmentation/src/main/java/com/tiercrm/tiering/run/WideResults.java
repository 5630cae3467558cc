package com.tiercrm.tiering.run;

import java.util.List;

/**
 * Results of a built-in model, which has columns of its own in {@code customer_segments}:
 * the lists sort and filter by them, so they sit in the row the lists read.
 */
abstract class WideResults implements ModelResults {

	/**
	 * The columns these results fill, each with its value per customer.
	 */
	abstract List<ResultColumn> columns();

}
