package com.tiercrm.imports.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.imports.ColumnMapping;
import com.tiercrm.imports.DateOrder;
import com.tiercrm.imports.DecimalMark;
import com.tiercrm.imports.ImportFileException;
import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.MatchedColumn;
import com.tiercrm.imports.ReadingSettings;
import com.tiercrm.security.CrmUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: upload a file, read the dry-run report, commit it, and the history of
 * imports.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

	private static final int ERRORS_SHOWN = 200;

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final ImportManagement imports;

	private final ImportUploads uploads;

	ImportController(ImportManagement imports, ImportUploads uploads) {
		this.imports = imports;
		this.uploads = uploads;
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("importForm", ImportForm.empty());
		model.addAttribute("jobs", this.imports.recent());
		model.addAttribute("kinds", Arrays.stream(ImportKind.values()).map(ImportKind::pathName).toList());
		Map<String, List<String>> mappings = new LinkedHashMap<>();
		for (ImportKind kind : ImportKind.values()) {
			mappings.put(kind.pathName(), this.imports.mappingNames(kind));
		}
		model.addAttribute("mappings", mappings);
		model.addAttribute("dateOrders", DateOrder.values());
		model.addAttribute("decimalMarks", DecimalMark.values());
		return "imports/index";
	}

	@PostMapping
	String upload(ImportForm importForm, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) throws IOException {
		ImportJob job;
		try {
			job = this.uploads.start(importForm, file, user.getUsername());
		}
		catch (InvalidImportRequestException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/imports";
		}
		return "redirect:/imports/" + job.id();
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model, Locale locale) {
		ImportJob job = this.imports.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		model.addAttribute("job", job);
		model.addAttribute("errors", this.uploads.shown(this.imports.errors(id, ERRORS_SHOWN), locale));
		model.addAttribute("sample", null);
		if (!job.isRunning()) {
			model.addAttribute("sample", this.imports.sampleLine(id).orElse(null));
			model.addAttribute("columns", this.imports.matchedColumns(id).orElse(List.of()));
			model.addAttribute("fields", this.imports.fields(job.getKind(), locale));
		}
		model.addAttribute("datesRead", this.uploads.datesRead(job, locale));
		model.addAttribute("amountsRead", this.uploads.amountsRead(job, locale));
		model.addAttribute("dateOrders", DateOrder.values());
		model.addAttribute("decimalMarks", DecimalMark.values());
		return "imports/job";
	}

	/**
	 * Checks a dry run's file again with the columns matched as the admin chose (a
	 * {@code column.<n>} parameter per column: a field name, or blank to ignore it) and,
	 * when {@code encoding} names one, read in that encoding, and when {@code dateOrder}
	 * or {@code decimalMark} is given, its dates and amounts read so; saves the mapping
	 * when it is given a name.
	 */
	@PostMapping("/{id}/remap")
	String remap(@PathVariable long id, @RequestParam Map<String, String> parameters,
			@AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		ImportJob job = this.imports.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		List<MatchedColumn> columns = this.imports.matchedColumns(id).orElse(List.of());
		if (columns.isEmpty()) {
			redirect.addFlashAttribute("error", "import.failure.notCommittable");
			return "redirect:/imports/" + id;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (MatchedColumn column : columns) {
			fields.put(column.header(), parameters.getOrDefault("column." + column.index(), column.field()).strip());
		}
		ColumnMapping mapping = new ColumnMapping(fields);
		Charset encoding;
		ReadingSettings reading;
		try {
			encoding = ImportForm.charset(parameters.get("encoding")).orElse(null);
			ReadingSettings current = job.getReadingSettings();
			reading = new ReadingSettings(ImportForm.dateOrder(parameters.get("dateOrder")).orElse(current.dateOrder()),
					ImportForm.decimalMark(parameters.get("decimalMark")).orElse(current.decimalMark()));
		}
		catch (InvalidImportRequestException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/imports/" + id;
		}
		String name = parameters.getOrDefault("mappingName", "").strip();
		if (!name.isEmpty()) {
			if (name.length() > 100) {
				redirect.addFlashAttribute("error", "import.mapping.nameTooLong");
				return "redirect:/imports/" + id;
			}
			this.imports.saveMapping(job.getKind(), name, mapping, user.getUsername());
			redirect.addFlashAttribute("message", "import.mapping.saved");
			redirect.addFlashAttribute("messageArg", name);
		}
		try {
			return "redirect:/imports/"
					+ this.imports.startRemapped(id, mapping, encoding, reading, user.getUsername()).id();
		}
		catch (ImportFileException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/imports/" + id;
		}
	}

	@PostMapping("/{id}/commit")
	String commit(@PathVariable long id, @AuthenticationPrincipal CrmUser user, RedirectAttributes redirect) {
		try {
			return "redirect:/imports/" + this.imports.startCommit(id, user.getUsername()).id();
		}
		catch (ImportFileException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/imports/" + id;
		}
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		this.imports.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		if (this.imports.cancel(id)) {
			redirect.addFlashAttribute("message", "import.cancel.requested");
			redirect.addFlashAttribute("messageArg", id);
		}
		return "redirect:/imports/" + id;
	}

	@GetMapping("/{id}/errors.csv")
	ResponseEntity<byte[]> errors(@PathVariable long id, Locale locale) throws IOException {
		this.imports.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		return download("import-" + id + "-errors.csv", this.uploads.errorReport(id, locale));
	}

	@GetMapping("/templates/{kind}.csv")
	ResponseEntity<byte[]> template(@PathVariable String kind, @RequestParam(defaultValue = "en") String headers) {
		ImportKind importKind = ImportKind.ofPathName(kind).orElseThrow(() -> new ImportJobNotFoundException(-1));
		Locale locale = "zh".equals(headers) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		try {
			return download(kind + "-" + headers + ".csv", this.uploads.template(importKind, locale));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@ExceptionHandler(ImportJobNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private static ResponseEntity<byte[]> download(String fileName, String content) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(ImportUploads.utf8(content));
	}

	/** No such import job (or template). */
	static class ImportJobNotFoundException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ImportJobNotFoundException(long id) {
			super("No import job " + id);
		}

	}

}
