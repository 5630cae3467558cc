package com.tiercrm.tiering.config;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Configuration versions, newest first.
 */
interface SegmentationConfigRepository extends ListCrudRepository<SegmentationConfig, Long> {

	Optional<SegmentationConfig> findFirstByOrderByIdDesc();

}
