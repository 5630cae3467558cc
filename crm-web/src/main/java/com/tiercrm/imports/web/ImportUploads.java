package com.tiercrm.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.imports.ColumnMapping;
import com.tiercrm.imports.DateOrder;
import com.tiercrm.imports.DecimalMark;
import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.ImportMode;
import com.tiercrm.imports.ImportRequest;
import com.tiercrm.imports.ReadingBasis;
import com.tiercrm.imports.RowError;
import com.tiercrm.web.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the page and the API share: turning a form and a file into an import, and writing
 * CSV files (templates, error reports) that open cleanly in Excel.
 */
@Component
class ImportUploads {

	private static final char BOM = '\uFEFF';

	private final ImportManagement imports;

	private final MessageSource messages;

	private final ReferenceData references;

	ImportUploads(ImportManagement imports, MessageSource messages, ReferenceData references) {
		this.imports = imports;
		this.messages = messages;
		this.references = references;
	}

	/** Stores the upload and starts its import in the background. */
	ImportJob start(ImportForm form, @Nullable MultipartFile file, String username) throws IOException {
		ImportKind kind = form.importKind()
			.orElseThrow(() -> new InvalidImportRequestException("import.request.kind", String.valueOf(form.kind())));
		ImportMode mode = form.importMode()
			.orElseThrow(() -> new InvalidImportRequestException("import.request.mode", String.valueOf(form.mode())));
		if (file == null || file.isEmpty()) {
			throw new InvalidImportRequestException("import.request.file", "");
		}
		ColumnMapping mapping = ColumnMapping.AUTOMATIC;
		if (form.mappingName().isPresent()) {
			String name = form.mappingName().get();
			mapping = this.imports.savedMapping(kind, name)
				.orElseThrow(() -> new InvalidImportRequestException("import.request.mapping", name));
		}
		ImportRequest request = new ImportRequest(kind, String.valueOf(file.getOriginalFilename()), mode,
				form.isDryRun(), form.charset().orElse(null), username, mapping, form.addsReferenceData(),
				form.reading());
		try (InputStream content = file.getInputStream()) {
			return this.imports.start(request, content);
		}
	}

	String message(String key, @Nullable String argument, Locale locale) {
		return messageOf(key, new Object[] { (argument != null) ? argument : "" }, locale);
	}

	String messageOf(String key, Object[] arguments, Locale locale) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	/**
	 * Why a row was refused, in the user's language: an unknown industry or region lists
	 * the known ones as they are named now.
	 */
	String reason(RowError error, Locale locale) {
		String known = switch (error.reasonKey()) {
			case "import.error.unknownIndustry" -> this.references.catalog(ReferenceKind.INDUSTRY).names(locale);
			case "import.error.unknownRegion" -> this.references.catalog(ReferenceKind.REGION).names(locale);
			default -> null;
		};
		return message(error.reasonKey(), known, locale);
	}

	/**
	 * How a job read dates not written year first, and why, in words; none when its dates
	 * were all year first.
	 */
	@Nullable String datesRead(ImportJob job, Locale locale) {
		DateOrder order = job.getDatesReadAs();
		ReadingBasis basis = job.getDatesBasis();
		if (order == null || basis == null) {
			return null;
		}
		return messageOf("import.reading.dates." + basis,
				new Object[] { message("import.reading.order." + order, null, locale),
						Objects.toString(job.getDateExample(), ""), String.valueOf(job.getDateExampleRow()) },
				locale);
	}

	/**
	 * How a job read amounts, and why, in words; none when no amount needed a decimal
	 * mark decided.
	 */
	@Nullable String amountsRead(ImportJob job, Locale locale) {
		DecimalMark mark = job.getDecimalsReadAs();
		ReadingBasis basis = job.getDecimalsBasis();
		if (mark == null || basis == null) {
			return null;
		}
		return messageOf("import.reading.amounts." + basis,
				new Object[] { message("import.reading.mark." + mark, null, locale),
						Objects.toString(job.getDecimalExample(), ""), String.valueOf(job.getDecimalExampleRow()) },
				locale);
	}

	/** A job's row errors as its page shows them. */
	List<ShownError> shown(List<RowError> errors, Locale locale) {
		return errors.stream()
			.map((error) -> new ShownError(error.row(), error.column(), error.value(), reason(error, locale)))
			.toList();
	}

	/**
	 * The template of a kind of file: its header line, with a byte order mark for Excel.
	 */
	String template(ImportKind kind, Locale locale) throws IOException {
		return csv(List.of(this.imports.templateHeader(kind, locale)));
	}

	/** The errors of a job as CSV, every cell safe to open in a spreadsheet. */
	String errorReport(long jobId, Locale locale) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(message("import.errors.row", null, locale), message("import.errors.column", null, locale),
				message("import.errors.value", null, locale), message("import.errors.reason", null, locale)));
		for (RowError error : this.imports.errors(jobId, Integer.MAX_VALUE)) {
			rows.add(List.of(String.valueOf(error.row()), Objects.toString(error.column(), ""),
					Objects.toString(error.value(), ""), reason(error, locale)));
		}
		return csv(rows);
	}

	private static String csv(List<List<String>> rows) throws IOException {
		StringBuilder out = new StringBuilder().append(BOM);
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(SpreadsheetText::neutralise).toList());
			}
		}
		return out.toString();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** One row error with its reason in words. */
	record ShownError(long row, @Nullable String column, @Nullable String value, String reason) {

	}

}
