package com.tiercrm.account;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Teams and their managers.
 */
public interface TeamRepository extends ListCrudRepository<Team, Long> {

}
