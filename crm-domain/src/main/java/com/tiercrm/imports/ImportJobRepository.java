package com.tiercrm.imports;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Import jobs, newest first for the history.
 */
interface ImportJobRepository extends ListCrudRepository<ImportJob, Long> {

	List<ImportJob> findTop50ByOrderByStartedAtDescIdDesc();

	List<ImportJob> findByStatus(ImportStatus status);

}
