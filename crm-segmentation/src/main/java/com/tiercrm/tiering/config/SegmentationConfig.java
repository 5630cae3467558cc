package com.tiercrm.tiering.config;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A saved version of the segmentation settings. Versions are never changed; saving
 * creates a new one.
 */
@Entity
@Table(name = "segmentation_configs")
public class SegmentationConfig {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private Instant createdAt;

	private @Nullable String createdBy;

	private String settings;

	protected SegmentationConfig() {
		this.createdAt = Instant.EPOCH;
		this.settings = "";
	}

	SegmentationConfig(SegmentationSettings settings, @Nullable String createdBy) {
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
		this.settings = SettingsJson.write(settings);
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable String getCreatedBy() {
		return this.createdBy;
	}

	public SegmentationSettings settings() {
		return SettingsJson.read(this.settings, SegmentationSettings.class);
	}

}
