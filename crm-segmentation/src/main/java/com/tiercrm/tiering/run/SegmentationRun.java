package com.tiercrm.tiering.run;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import com.tiercrm.tiering.config.SettingsJson;

import org.springframework.modulith.NamedInterface;

/**
 * One segmentation run: a snapshot of every customer's model results as of a date, made
 * with one configuration version.
 */
@NamedInterface("run")
@Entity
@Table(name = "segmentation_runs")
public class SegmentationRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private LocalDate asOf;

	private long configId;

	@Enumerated(EnumType.STRING)
	private RunStatus status;

	@Enumerated(EnumType.STRING)
	@Column(name = "run_trigger")
	private RunTrigger trigger;

	private @Nullable String requestedBy;

	private Instant startedAt;

	private @Nullable Instant finishedAt;

	private @Nullable Integer customers;

	private @Nullable String report;

	/** Why the run failed, as a message code ({@code runs.failure.*}). */
	@Column(name = "error_message")
	private @Nullable String failureCode;

	protected SegmentationRun() {
		this.asOf = LocalDate.EPOCH;
		this.status = RunStatus.RUNNING;
		this.trigger = RunTrigger.MANUAL;
		this.startedAt = Instant.EPOCH;
	}

	SegmentationRun(LocalDate asOf, long configId, RunTrigger trigger, @Nullable String requestedBy) {
		this.asOf = asOf;
		this.configId = configId;
		this.trigger = trigger;
		this.requestedBy = requestedBy;
		this.status = RunStatus.RUNNING;
		this.startedAt = Instant.now();
	}

	void succeeded(RunReport report) {
		this.status = RunStatus.SUCCEEDED;
		this.finishedAt = Instant.now();
		this.customers = report.customers();
		this.report = SettingsJson.write(report);
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public LocalDate getAsOf() {
		return this.asOf;
	}

	public long getConfigId() {
		return this.configId;
	}

	public RunStatus getStatus() {
		return this.status;
	}

	public RunTrigger getTrigger() {
		return this.trigger;
	}

	public @Nullable String getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public @Nullable Instant getFinishedAt() {
		return this.finishedAt;
	}

	public @Nullable Integer getCustomers() {
		return this.customers;
	}

	public @Nullable String getFailureCode() {
		return this.failureCode;
	}

	/**
	 * The report of a succeeded run.
	 */
	public @Nullable RunReport report() {
		return (this.report != null) ? SettingsJson.read(this.report, RunReport.class) : null;
	}

}
