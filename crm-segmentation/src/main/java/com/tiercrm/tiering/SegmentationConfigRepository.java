package com.tiercrm.tiering;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Configuration versions, newest first.
 */
interface SegmentationConfigRepository extends ListCrudRepository<SegmentationConfig, Long> {

	Optional<SegmentationConfig> findFirstByOrderByIdDesc();

}
