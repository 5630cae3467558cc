package com.tiercrm.imports.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/imports}: upload a file to import and read how its job went.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

	private static final int ERRORS_SHOWN = 100;

	private final ImportManagement imports;

	private final ImportUploads uploads;

	ImportApiController(ImportManagement imports, ImportUploads uploads) {
		this.imports = imports;
		this.uploads = uploads;
	}

	@PostMapping("/{kind}")
	ResponseEntity<ImportJobJson> upload(@PathVariable String kind,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String mode,
			@RequestParam(required = false) @Nullable Boolean dryRun,
			@RequestParam(required = false) @Nullable String encoding,
			@RequestParam(required = false) @Nullable String mapping,
			@RequestParam(required = false) @Nullable Boolean addReferenceData,
			@RequestParam(required = false) @Nullable String dateOrder,
			@RequestParam(required = false) @Nullable String decimalMark, @AuthenticationPrincipal CrmUser user,
			Locale locale) throws IOException {
		ImportJob job = this.uploads.start(
				new ImportForm(kind, mode, dryRun, encoding, mapping, addReferenceData, dateOrder, decimalMark), file,
				user.getUsername());
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(json(job, locale));
	}

	@GetMapping("/{id}")
	ImportJobJson show(@PathVariable long id, Locale locale) {
		return this.imports.find(id)
			.map((job) -> json(job, locale))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import job " + id));
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<ImportJobJson> cancel(@PathVariable long id, Locale locale) {
		show(id, locale);
		boolean running = this.imports.cancel(id);
		return ResponseEntity.status(running ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(show(id, locale));
	}

	@GetMapping
	List<ImportJobJson> recent(Locale locale) {
		return this.imports.recent()
			.stream()
			.map((job) -> ImportJobJson.of(job, List.of(), this.uploads, locale))
			.toList();
	}

	@ExceptionHandler(InvalidImportRequestException.class)
	ProblemDetail badRequest(InvalidImportRequestException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.uploads.message(ex.messageKey(), ex.argument(), locale));
		problem.setProperty("key", ex.messageKey());
		return problem;
	}

	private ImportJobJson json(ImportJob job, Locale locale) {
		return ImportJobJson.of(job, this.imports.errors(job.id(), ERRORS_SHOWN), this.uploads, locale);
	}

}
