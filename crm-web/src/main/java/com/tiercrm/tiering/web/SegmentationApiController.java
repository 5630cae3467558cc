package com.tiercrm.tiering.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.config.ConfigConflictException;
import com.tiercrm.tiering.config.SegmentationConfig;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.insight.TierChange;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.InvalidSettingsException;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.PreviewResult;
import com.tiercrm.tiering.run.RunInProgressException;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationPreview;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/segmentation}: start a run, read its report, the migration between two
 * runs and who moved down.
 */
@RestController
@RequestMapping("/api/v1/segmentation")
class SegmentationApiController {

	private final SegmentationRuns runs;

	private final CustomerTiers tiers;

	private final SegmentationPreview preview;

	private final SegmentationConfigs configs;

	private final MessageSource messages;

	SegmentationApiController(SegmentationRuns runs, CustomerTiers tiers, SegmentationPreview preview,
			SegmentationConfigs configs, MessageSource messages) {
		this.runs = runs;
		this.tiers = tiers;
		this.preview = preview;
		this.configs = configs;
		this.messages = messages;
	}

	@PostMapping("/runs")
	ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) @Nullable RunBody body,
			@AuthenticationPrincipal CrmUser user) {
		LocalDate asOf = (body != null) ? body.asOf() : null;
		ClvTimeUnit unit = (body != null) ? body.timeUnit() : null;
		long id = this.runs.start(new RunRequest(asOf, unit, RunTrigger.API, user.getUsername()));
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/segmentation/runs/" + id))
			.body(Map.of("id", id, "status", "RUNNING"));
	}

	@GetMapping("/runs")
	List<RunJson> recent(Locale locale) {
		return this.runs.recent().stream().map((run) -> RunJson.of(run, this.messages, locale)).toList();
	}

	@GetMapping("/runs/{id}")
	RunJson show(@PathVariable long id, Locale locale) {
		return this.runs.find(id).map((run) -> RunJson.of(run, this.messages, locale)).orElseThrow(() -> notFound(id));
	}

	/**
	 * Asks a running run to stop: 202 while it stops (it ends as cancelled, within
	 * {@code tiercrm.leases.cancel-grace} at most, changing nothing), 409 when it had
	 * already ended.
	 */
	@PostMapping("/runs/{id}/cancel")
	ResponseEntity<RunJson> cancel(@PathVariable long id, Locale locale) {
		show(id, locale);
		boolean running = this.runs.cancel(id);
		return ResponseEntity.status(running ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(show(id, locale));
	}

	@GetMapping("/runs/{id}/migration")
	Map<String, Map<String, Long>> migration(@PathVariable long id, @RequestParam long from) {
		checkExists(id);
		checkExists(from);
		return this.tiers.migration(from, id);
	}

	@GetMapping("/runs/{id}/downgrades")
	List<TierChange> downgrades(@PathVariable long id, @RequestParam long from,
			@RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal CrmUser user) {
		checkExists(id);
		checkExists(from);
		return this.tiers.downgrades(from, id, user.scope(), Math.clamp(limit, 1, 1000));
	}

	@PostMapping("/preview")
	PreviewResult preview(@RequestBody(required = false) @Nullable PreviewBody body) {
		SegmentationSettings settings = (body != null && body.settings() != null) ? body.settings()
				: this.configs.current().settings();
		return this.preview.preview(settings, (body != null) ? body.asOf() : null);
	}

	@GetMapping("/config")
	Map<String, Object> config() {
		SegmentationConfig current = this.configs.current();
		return Map.of("version", current.getId(), "createdAt", current.getCreatedAt(), "settings", current.settings());
	}

	/**
	 * Saves a new version; with {@code baseVersion}, only if that is still the newest
	 * (409 otherwise).
	 */
	@PutMapping("/config")
	Map<String, Object> saveConfig(@RequestBody SegmentationSettings settings,
			@RequestParam(required = false) @Nullable Long baseVersion, @AuthenticationPrincipal CrmUser user) {
		SegmentationConfig saved = (baseVersion != null) ? this.configs.save(settings, baseVersion, user.getUsername())
				: this.configs.save(settings, user.getUsername());
		return Map.of("version", saved.getId(), "createdAt", saved.getCreatedAt(), "settings", saved.settings());
	}

	@ExceptionHandler(RunInProgressException.class)
	ResponseEntity<ProblemDetail> inProgress(RunInProgressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A segmentation run is in progress: run " + ex.runningRunId());
		problem.setProperty("runningRunId", ex.runningRunId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(ConfigConflictException.class)
	ResponseEntity<ProblemDetail> configConflict(ConfigConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Configuration version " + ex.current().getId() + " was saved after version " + ex.baseVersion());
		problem.setProperty("currentVersion", ex.current().getId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof InvalidSettingsException)) {
			cause = cause.getCause();
		}
		if (cause instanceof InvalidSettingsException invalid) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					this.messages.getMessage(invalid.messageCode(), null, locale));
			problem.setProperty("code", invalid.messageCode());
			return problem;
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.badBody", null, "The request body could not be read", locale));
	}

	private void checkExists(long id) {
		if (this.runs.find(id).isEmpty()) {
			throw notFound(id);
		}
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No segmentation run " + id);
	}

	/**
	 * The optional body of a preview: an edited configuration (the current one when
	 * absent) and an as-of date.
	 */
	record PreviewBody(@Nullable LocalDate asOf, @Nullable SegmentationSettings settings) {

	}

	/**
	 * The optional body of a run request.
	 */
	record RunBody(@Nullable LocalDate asOf, @Nullable ClvTimeUnit timeUnit) {

	}

}
