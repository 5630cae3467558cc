package com.tiercrm.account;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Teams and their managers.
 */
public interface TeamRepository extends ListCrudRepository<Team, Long> {

	List<Team> findAllByOrderByNameAsc();

	List<Team> findByManagerIdOrderByNameAsc(Long managerId);

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

}
