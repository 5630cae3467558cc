package com.tiercrm.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

/**
 * The first sheet of an .xlsx file, read as a stream of rows (never the whole sheet in
 * memory). Zip bombs are refused before reading: a file whose parts inflate more than a
 * hundredfold, or beyond a limit in total, is not opened.
 */
final class XlsxFile implements ImportFile {

	/** Parts may inflate at most a hundredfold (POI's own default for its zip reader). */
	private static final double MIN_INFLATE_RATIO = 0.01;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** What Excel shows and keeps of a number: 15 significant digits. */
	private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

	private final Workbook workbook;

	private final Iterator<org.apache.poi.ss.usermodel.Row> rows;

	private final List<String> header;

	private final int maxCellLength;

	private XlsxFile(Workbook workbook, int maxCellLength) {
		this.workbook = workbook;
		this.maxCellLength = maxCellLength;
		Sheet sheet = workbook.getSheetAt(0);
		this.rows = sheet.rowIterator();
		Row first = nextNonBlank();
		if (first == null) {
			throw new ImportFileException("import.file.empty");
		}
		this.header = first.cells();
	}

	static XlsxFile open(Path file, int maxCellLength, long maxUncompressedBytes) throws IOException {
		checkNotABomb(file, maxUncompressedBytes);
		try {
			Workbook workbook = StreamingReader.builder()
				.rowCacheSize(100)
				.bufferSize(8192)
				.setReadStyles(true)
				.setReadComments(false)
				.setReadShapes(false)
				.setReadHyperlinks(false)
				.open(file.toFile());
			return new XlsxFile(workbook, maxCellLength);
		}
		catch (ImportFileException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ImportFileException("import.file.badSpreadsheet");
		}
	}

	/** Reads the zip directory: sizes and ratios of every part. */
	private static void checkNotABomb(Path file, long maxUncompressedBytes) throws IOException {
		long total = 0;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				long size = entry.getSize();
				long compressed = entry.getCompressedSize();
				if (size < 0 || compressed < 0) {
					continue;
				}
				total += size;
				if (total > maxUncompressedBytes || (size > 1024 * 1024 && compressed < size * MIN_INFLATE_RATIO)) {
					throw new ImportFileException("import.file.zipBomb");
				}
			}
		}
		catch (ZipException ex) {
			throw new ImportFileException("import.file.badSpreadsheet");
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public String encoding() {
		return "XLSX";
	}

	@Override
	public @Nullable String delimiterName() {
		return null;
	}

	@Override
	public Iterator<Row> iterator() {
		return new Iterator<>() {

			private @Nullable Row next = nextNonBlank();

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public Row next() {
				Row row = this.next;
				if (row == null) {
					throw new NoSuchElementException();
				}
				this.next = nextNonBlank();
				return row;
			}

		};
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

	private @Nullable Row nextNonBlank() {
		try {
			while (this.rows.hasNext()) {
				org.apache.poi.ss.usermodel.Row row = this.rows.next();
				Row read = read(row);
				if (!read.isBlank()) {
					return read;
				}
			}
			return null;
		}
		catch (ImportFileException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ImportFileException("import.file.badSpreadsheet");
		}
	}

	private Row read(org.apache.poi.ss.usermodel.Row row) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
			Cell cell = row.getCell(i);
			String text = (cell != null) ? text(cell, cell.getCellType()) : "";
			if (text.length() > this.maxCellLength) {
				throw new ImportFileException("import.file.cellTooLong", String.valueOf(row.getRowNum() + 1));
			}
			cells.add(text);
		}
		return new Row(row.getRowNum() + 1L, cells);
	}

	/**
	 * The cell as text: dates in ISO form, numbers to Excel's 15 significant digits
	 * without exponent or trailing zeros (so that phone numbers stored as numbers stay
	 * intact, and a quantity times a unit price reads 2042.76, not the binary
	 * 2042.7599999999998), formulas by their cached value.
	 */
	private static String text(Cell cell, CellType type) {
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? DATE_TIME.format(cell.getLocalDateTimeCellValue())
					: BigDecimal.valueOf(cell.getNumericCellValue())
						.round(EXCEL_PRECISION)
						.stripTrailingZeros()
						.toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case FORMULA -> text(cell, cell.getCachedFormulaResultType());
			default -> "";
		};
	}

}
