package com.tiercrm.tiering.run;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * One model's results for every customer of a run, in the order of the facts. A model of
 * one's own returns a {@link Classification}; the three built-in models return results
 * with columns of their own in {@code customer_segments}.
 */
@NamedInterface("run")
public interface ModelResults {

	/**
	 * How many customers the results hold.
	 * @return the number of customers
	 */
	int size();

	/**
	 * The class of the customer at an index.
	 * @param i the customer's index in the facts
	 * @return a class code of the model
	 */
	String classCode(int i);

	/**
	 * How many customers are in each class, in the order first met.
	 * @return customers per class code
	 */
	default Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < size(); i++) {
			counts.merge(classCode(i), 1L, Long::sum);
		}
		return counts;
	}

}
