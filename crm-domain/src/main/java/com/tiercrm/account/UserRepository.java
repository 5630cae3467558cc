package com.tiercrm.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Users by username and by team.
 */
public interface UserRepository extends ListCrudRepository<User, Long> {

	Optional<User> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	List<User> findAllByOrderByUsernameAsc();

	List<User> findByRoleAndEnabledTrueOrderByDisplayNameAsc(Role role);

	List<User> findByRoleInAndEnabledTrueOrderByDisplayNameAsc(List<Role> roles);

	@Query("""
			select u from User u where u.enabled = true
			and (u.id = :managerId or u.teamId in (select t.id from Team t where t.managerId = :managerId))
			order by u.displayName""")
	List<User> findTeamMembers(Long managerId);

	/**
	 * The users whose customers a scope can see, for owner pickers and filters.
	 */
	default List<User> findOwnersVisibleTo(AccessScope scope) {
		return switch (scope.kind()) {
			case ALL -> findByRoleInAndEnabledTrueOrderByDisplayNameAsc(List.of(Role.SALES_REP, Role.MANAGER));
			case TEAM -> findTeamMembers(scope.userId());
			case OWN -> findById(scope.userId()).stream().toList();
		};
	}

}
