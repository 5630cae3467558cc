package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.util.List;

import com.tiercrm.tiering.model.CustomerFacts;

import org.springframework.stereotype.Component;

/**
 * Every customer's facts as of any date, read the way a run reads them, for the code
 * around the models outside this package (the holdout check calibrates on facts as of a
 * past date).
 */
@Component
public class PastFacts {

	private final FactsReader reader;

	PastFacts(FactsReader reader) {
		this.reader = reader;
	}

	/**
	 * Reads the facts of every customer from the completed orders up to and including a
	 * date; the ABC window is the whole history.
	 * @param asOf the as-of date
	 * @return one fact record per customer
	 */
	public List<CustomerFacts> asOf(LocalDate asOf) {
		return this.reader.read(asOf, 0);
	}

}
