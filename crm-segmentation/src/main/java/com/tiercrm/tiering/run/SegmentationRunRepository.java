package com.tiercrm.tiering.run;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Runs, newest first.
 */
public interface SegmentationRunRepository extends ListCrudRepository<SegmentationRun, Long> {

	List<SegmentationRun> findTop50ByOrderByIdDesc();

	List<SegmentationRun> findByStatus(RunStatus status);

	List<SegmentationRun> findByStatusOrderByIdDesc(RunStatus status);

}
