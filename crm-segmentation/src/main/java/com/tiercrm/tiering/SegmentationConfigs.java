package com.tiercrm.tiering;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current segmentation configuration, and new versions of it.
 */
@Service
public class SegmentationConfigs {

	private final SegmentationConfigRepository configs;

	SegmentationConfigs(SegmentationConfigRepository configs) {
		this.configs = configs;
	}

	/**
	 * The newest version; the defaults are saved as version 1 the first time anyone asks.
	 */
	@Transactional
	public SegmentationConfig current() {
		return this.configs.findFirstByOrderByIdDesc()
			.orElseGet(() -> this.configs.save(new SegmentationConfig(SegmentationSettings.defaults(), null)));
	}

	/**
	 * The name of the model whose classes are the tiers now: {@code ABC}, {@code RFM} or
	 * {@code CLV}.
	 */
	@Transactional
	public String tierModelInForce() {
		return current().settings().tierModel().name();
	}

	@Transactional
	public SegmentationConfig save(SegmentationSettings settings, @Nullable String createdBy) {
		return this.configs.save(new SegmentationConfig(settings, createdBy));
	}

}
