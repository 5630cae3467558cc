package com.tiercrm.customer;

import java.util.Optional;

import com.tiercrm.account.AccessScope;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Customers, always looked up within the caller's {@link AccessScope}.
 */
public interface CustomerRepository extends ListCrudRepository<Customer, Long> {

	@Query("""
			select c from Customer c where c.code = :code and (:all = true or c.ownerId = :userId
			  or (:team = true and c.ownerId in (
			    select u.id from User u where u.teamId in (select t.id from Team t where t.managerId = :userId))))""")
	Optional<Customer> findByCodeScoped(String code, long userId, boolean all, boolean team);

	/**
	 * The customer with this code, if the scope may see it; absent otherwise, so that a
	 * customer of another rep looks exactly like one that does not exist.
	 */
	default Optional<Customer> findByCode(String code, AccessScope scope) {
		return findByCodeScoped(code, scope.userId(), scope.kind() == AccessScope.Kind.ALL,
				scope.kind() == AccessScope.Kind.TEAM);
	}

	boolean existsByCode(String code);

}
