package com.tiercrm.interaction;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Interactions by customer, newest first.
 */
public interface InteractionRepository extends ListCrudRepository<Interaction, Long> {

	List<Interaction> findByCustomerIdOrderByOccurredAtDescIdDesc(long customerId, Limit limit);

}
