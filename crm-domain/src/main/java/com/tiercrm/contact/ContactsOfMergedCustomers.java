package com.tiercrm.contact;

import com.tiercrm.customer.CustomersMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merged customer's contact persons go to the customer that is kept, in the merge's
 * transaction; the kept customer's primary contact stays the primary one.
 */
@Component
class ContactsOfMergedCustomers {

	private final JdbcTemplate jdbc;

	ContactsOfMergedCustomers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void merged(CustomersMerged merged) {
		this.jdbc.update("update customer_contacts set is_primary = false, version = version + 1"
				+ " where customer_id = ? and is_primary and exists (select 1 from customer_contacts k"
				+ " where k.customer_id = ? and k.is_primary)", merged.mergedId(), merged.keptId());
		this.jdbc.update("update customer_contacts set customer_id = ?, version = version + 1 where customer_id = ?",
				merged.keptId(), merged.mergedId());
	}

}
