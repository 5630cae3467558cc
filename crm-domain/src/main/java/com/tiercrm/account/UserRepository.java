package com.tiercrm.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Users by username; the owners a scope can see are {@link OwnerOptions}.
 */
public interface UserRepository extends ListCrudRepository<User, Long> {

	Optional<User> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	List<User> findAllByOrderByUsernameAsc();

	long countByRoleAndEnabledTrue(Role role);

	long countByTeamId(Long teamId);

}
