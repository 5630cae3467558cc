package com.tiercrm.tiering.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.CustomerTiers;
import com.tiercrm.tiering.RunInProgressException;
import com.tiercrm.tiering.RunRequest;
import com.tiercrm.tiering.RunTrigger;
import com.tiercrm.tiering.SegmentationRuns;
import com.tiercrm.tiering.TierChange;
import com.tiercrm.tiering.model.ClvTimeUnit;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	SegmentationApiController(SegmentationRuns runs, CustomerTiers tiers) {
		this.runs = runs;
		this.tiers = tiers;
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
	List<RunJson> recent() {
		return this.runs.recent().stream().map(RunJson::of).toList();
	}

	@GetMapping("/runs/{id}")
	RunJson show(@PathVariable long id) {
		return this.runs.find(id).map(RunJson::of).orElseThrow(() -> notFound(id));
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

	@ExceptionHandler(RunInProgressException.class)
	ResponseEntity<ProblemDetail> inProgress(RunInProgressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A segmentation run is in progress: run " + ex.runningRunId());
		problem.setProperty("runningRunId", ex.runningRunId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Body must be {\"asOf\": \"YYYY-MM-DD\", \"timeUnit\": \"DAY\" | \"WEEK\"}, both optional");
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
	 * The optional body of a run request.
	 */
	record RunBody(@Nullable LocalDate asOf, @Nullable ClvTimeUnit timeUnit) {

	}

}
