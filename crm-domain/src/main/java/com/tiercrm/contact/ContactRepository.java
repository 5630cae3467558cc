package com.tiercrm.contact;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Contacts by customer; callers have checked the customer against the user's scope.
 */
interface ContactRepository extends ListCrudRepository<Contact, Long> {

	List<Contact> findByCustomerIdOrderByPrimaryDescNameAscIdAsc(long customerId);

	Optional<Contact> findByIdAndCustomerId(long id, long customerId);

	boolean existsByCustomerIdAndPrimaryTrue(long customerId);

	/**
	 * Takes the primary mark from the customer's other contacts, before one of them is
	 * made primary.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Contact c set c.primary = false, c.version = c.version + 1
			where c.customerId = :customerId and c.primary = true and c.id <> :keep""")
	int clearPrimary(long customerId, long keep);

}
