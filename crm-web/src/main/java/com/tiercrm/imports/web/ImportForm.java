package com.tiercrm.imports.web;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

import com.tiercrm.imports.DateOrder;
import com.tiercrm.imports.DecimalMark;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportMode;
import com.tiercrm.imports.ReadingSettings;
import org.jspecify.annotations.Nullable;

/**
 * The upload form and the parameters of the upload API, apart from the file itself.
 *
 * @param kind what the file holds ({@code customers}, …)
 * @param mode {@code atomic} (default) or {@code skip-invalid}
 * @param dryRun only validate and report
 * @param encoding an encoding to use instead of detecting it, e.g. {@code GBK}
 * @param mapping the name of a saved column mapping to apply, or blank to match headers
 * automatically
 * @param addReferenceData add industries and regions no entry knows as new entries
 * instead of refusing their rows
 * @param dateOrder {@code auto} (default), {@code day-first} or {@code month-first}: how
 * dates not written year first are read
 * @param decimalMark {@code auto} (default), {@code point} or {@code comma}: how amounts
 * are read
 */
record ImportForm(@Nullable String kind, @Nullable String mode, @Nullable Boolean dryRun, @Nullable String encoding,
		@Nullable String mapping, @Nullable Boolean addReferenceData, @Nullable String dateOrder,
		@Nullable String decimalMark) {

	static ImportForm empty() {
		return new ImportForm(ImportKind.CUSTOMERS.pathName(), ImportMode.ATOMIC.parameter(), true, "", "", false,
				DateOrder.AUTO.parameter(), DecimalMark.AUTO.parameter());
	}

	/**
	 * How dates and amounts are to be read.
	 * @throws InvalidImportRequestException when a choice is unknown
	 */
	ReadingSettings reading() {
		return new ReadingSettings(dateOrder(this.dateOrder).orElse(DateOrder.AUTO),
				decimalMark(this.decimalMark).orElse(DecimalMark.AUTO));
	}

	/**
	 * The order of day and month a user chose, or empty when none was given.
	 * @throws InvalidImportRequestException when there is no such order
	 */
	static Optional<DateOrder> dateOrder(@Nullable String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(DateOrder.ofParameter(parameter.strip())
			.orElseThrow(() -> new InvalidImportRequestException("import.request.dateOrder", parameter)));
	}

	/**
	 * The decimal mark a user chose, or empty when none was given.
	 * @throws InvalidImportRequestException when there is no such mark
	 */
	static Optional<DecimalMark> decimalMark(@Nullable String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(DecimalMark.ofParameter(parameter.strip())
			.orElseThrow(() -> new InvalidImportRequestException("import.request.decimalMark", parameter)));
	}

	boolean addsReferenceData() {
		return Boolean.TRUE.equals(this.addReferenceData);
	}

	Optional<String> mappingName() {
		return (this.mapping == null || this.mapping.isBlank()) ? Optional.empty() : Optional.of(this.mapping.strip());
	}

	Optional<ImportKind> importKind() {
		return ImportKind.ofPathName(String.valueOf(this.kind));
	}

	Optional<ImportMode> importMode() {
		return (this.mode == null || this.mode.isBlank()) ? Optional.of(ImportMode.ATOMIC)
				: ImportMode.ofParameter(this.mode);
	}

	boolean isDryRun() {
		return Boolean.TRUE.equals(this.dryRun);
	}

	/**
	 * The chosen encoding: empty when it should be detected.
	 * @throws InvalidImportRequestException when the name is not a known encoding
	 */
	Optional<Charset> charset() {
		return charset(this.encoding);
	}

	/**
	 * The encoding a user chose, or empty to detect it.
	 * @throws InvalidImportRequestException when no such encoding exists
	 */
	static Optional<Charset> charset(@Nullable String encoding) {
		if (encoding == null || encoding.isBlank() || "auto".equalsIgnoreCase(encoding)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Charset.forName(encoding.strip()));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new InvalidImportRequestException("import.request.encoding", encoding);
		}
	}

}
