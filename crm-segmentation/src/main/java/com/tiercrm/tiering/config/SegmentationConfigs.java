package com.tiercrm.tiering.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current segmentation configuration, and new versions of it.
 */
@NamedInterface("config")
@Service
public class SegmentationConfigs {

	static final String TIER_MODELS_CACHE = "tiering.tier-models";

	private final SegmentationConfigRepository configs;

	private final JdbcTemplate jdbc;

	/**
	 * The tier model of each version, by version id: versions never change once saved.
	 */
	private final Cache tierModels;

	private final AuditLog audit;

	SegmentationConfigs(SegmentationConfigRepository configs, JdbcTemplate jdbc, CacheManager caches, AuditLog audit) {
		this.configs = configs;
		this.audit = audit;
		this.jdbc = jdbc;
		this.tierModels = Objects.requireNonNull(caches.getCache(TIER_MODELS_CACHE));
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
	 * {@code CLV}. Versions never change once saved, so the answer is kept for the newest
	 * version and only its id is read again: list pages ask on every request, without a
	 * transaction of their own.
	 */
	public String tierModelInForce() {
		Long newest = this.jdbc.queryForObject("select max(id) from segmentation_configs", Long.class);
		if (newest == null) {
			// Saves the defaults.
			return current().settings().tierModel();
		}
		return Objects.requireNonNull(this.tierModels.get(newest,
				() -> this.configs.findById(newest).orElseGet(this::current).settings().tierModel()));
	}

	@Transactional
	public SegmentationConfig save(SegmentationSettings settings, @Nullable String createdBy) {
		return audited(this.configs.save(new SegmentationConfig(settings, createdBy)), createdBy);
	}

	private SegmentationConfig audited(SegmentationConfig saved, @Nullable String createdBy) {
		this.audit.record(AuditAction.THRESHOLDS_SAVED, createdBy, null, "v" + saved.getId(),
				"tier model " + saved.settings().tierModel());
		return saved;
	}

	/**
	 * Saves a version edited from {@code baseVersion}, unless a newer version was saved
	 * meanwhile. The single state row is locked so that two managers saving from the same
	 * version at the same moment cannot both succeed.
	 * @throws ConfigConflictException when {@code baseVersion} is no longer the newest
	 */
	@Transactional
	public SegmentationConfig save(SegmentationSettings settings, long baseVersion, @Nullable String createdBy) {
		this.jdbc.queryForObject("select id from segmentation_state where id = 1 for update", Integer.class);
		SegmentationConfig current = current();
		if (current.getId() == null || current.getId() != baseVersion) {
			throw new ConfigConflictException(current, baseVersion);
		}
		return audited(this.configs.save(new SegmentationConfig(settings, createdBy)), createdBy);
	}

}
