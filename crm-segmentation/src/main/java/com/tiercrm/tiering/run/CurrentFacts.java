package com.tiercrm.tiering.run;

import java.time.LocalDate;

import com.tiercrm.tiering.model.CustomerFacts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's facts today, read by the same rules as a run's, for the models that place
 * a customer who came in after the published run.
 */
@Service
public class CurrentFacts {

	private final FactsReader reader;

	private final SegmentationProperties properties;

	CurrentFacts(FactsReader reader, SegmentationProperties properties) {
		this.reader = reader;
		this.properties = properties;
	}

	/**
	 * A customer's facts as of today in the installation's zone.
	 * @param customerId the customer
	 * @return the facts; those of a customer who never bought when there are no completed
	 * orders
	 */
	@Transactional(readOnly = true)
	public CustomerFacts of(long customerId) {
		return this.reader.readOne(customerId, LocalDate.now(this.properties.zone()));
	}

}
