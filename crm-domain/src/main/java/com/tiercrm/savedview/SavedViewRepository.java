package com.tiercrm.savedview;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Saved views by who may use them.
 */
interface SavedViewRepository extends ListCrudRepository<SavedView, Long> {

	/**
	 * The user's own views and those shared with the teams the user belongs to or leads.
	 */
	@Query("""
			select v from SavedView v where v.userId = :userId or v.teamId in (
			  select u.teamId from User u where u.id = :userId and u.teamId is not null)
			  or v.teamId in (select t.id from Team t where t.managerId = :userId)
			order by lower(v.name), v.id""")
	List<SavedView> visibleTo(long userId);

	Optional<SavedView> findByIdAndUserId(long id, long userId);

	boolean existsByUserIdAndName(long userId, String name);

}
