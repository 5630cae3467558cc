package com.tiercrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A file opened for import, CSV or Excel: a header and then rows, streamed one at a time.
 */
interface ImportFile extends AutoCloseable, Iterable<ImportFile.Row> {

	List<String> header();

	/** How the file is encoded, for the job history: a charset, or {@code XLSX}. */
	String encoding();

	/** The delimiter of a CSV file, {@code null} for a spreadsheet. */
	@Nullable String delimiterName();

	@Override
	void close() throws IOException;

	/**
	 * Opens an .xlsx file (recognised by its content, not its name) or else a CSV file in
	 * the given or the detected encoding.
	 */
	static ImportFile open(Path file, @Nullable Charset charset, ImportProperties properties) throws IOException {
		byte[] magic;
		try (InputStream in = Files.newInputStream(file)) {
			magic = in.readNBytes(4);
		}
		if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
			return XlsxFile.open(file, properties.maxCellLength(), properties.maxFileSize().toBytes() * 20);
		}
		return CsvFile.open(file, charset, properties.maxCellLength());
	}

	/**
	 * One data row.
	 *
	 * @param number the row number as a spreadsheet shows it (the header is row 1)
	 * @param cells the cells, as many as the row has
	 */
	record Row(long number, List<String> cells) {

		String cell(int index) {
			return (index < this.cells.size()) ? this.cells.get(index) : "";
		}

		boolean isBlank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

	}

}
