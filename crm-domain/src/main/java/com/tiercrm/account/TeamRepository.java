package com.tiercrm.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Teams and their managers.
 */
public interface TeamRepository extends ListCrudRepository<Team, Long> {

	Optional<Team> findByName(String name);

	List<Team> findByManagerId(Long managerId);

}
