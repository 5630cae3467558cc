package com.tiercrm.imports;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file opened for import: its encoding and delimiter detected, its header read and
 * its rows streamed one at a time, never the whole file in memory.
 */
final class CsvFile implements ImportFile {

	private static final char[] DELIMITERS = { ',', ';', '\t' };

	private final Charset charset;

	private final char delimiter;

	private final BoundedReader reader;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<String> header;

	private final int maxCellLength;

	private CsvFile(Path file, TextDecoding.Detected encoding, int maxCellLength) throws IOException {
		this.charset = encoding.charset();
		this.maxCellLength = maxCellLength;
		this.delimiter = detectDelimiter(file, encoding);
		this.reader = new BoundedReader(open(file, encoding), Math.max(maxCellLength * 64L, 1024 * 1024));
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(this.delimiter)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(false)
			.get();
		this.parser = CSVParser.builder().setReader(this.reader).setFormat(format).get();
		this.records = this.parser.iterator();
		if (!hasNextRecord()) {
			throw new ImportFileException("import.file.empty");
		}
		this.header = nextRecord().cells();
	}

	/**
	 * Opens the file with the given encoding, or with the detected one when none is
	 * given.
	 */
	static CsvFile open(Path file, @Nullable Charset charset, int maxCellLength) throws IOException {
		TextDecoding.Detected encoding = (charset != null) ? TextDecoding.forced(file, charset)
				: TextDecoding.detect(file);
		return new CsvFile(file, encoding, maxCellLength);
	}

	Charset charset() {
		return this.charset;
	}

	char delimiter() {
		return this.delimiter;
	}

	@Override
	public String encoding() {
		return this.charset.name();
	}

	@Override
	public String delimiterName() {
		return (this.delimiter == '\t') ? "TAB" : String.valueOf(this.delimiter);
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public Iterator<Row> iterator() {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return hasNextRecord();
			}

			@Override
			public Row next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return nextRecord();
			}

		};
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

	private boolean hasNextRecord() {
		try {
			return this.records.hasNext();
		}
		catch (UncheckedIOException ex) {
			throw malformed(ex);
		}
	}

	private Row nextRecord() {
		CSVRecord record;
		try {
			record = this.records.next();
		}
		catch (UncheckedIOException ex) {
			throw malformed(ex);
		}
		this.reader.startRecord();
		List<String> cells = new ArrayList<>(record.size());
		for (String cell : record) {
			if (cell.length() > this.maxCellLength) {
				throw new ImportFileException("import.file.cellTooLong", String.valueOf(record.getRecordNumber()));
			}
			cells.add(cell);
		}
		return new Row(record.getRecordNumber(), cells);
	}

	private RuntimeException malformed(UncheckedIOException ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLongException) {
				return new ImportFileException("import.file.cellTooLong",
						String.valueOf(this.parser.getRecordNumber() + 1));
			}
			messages.append(cause.getMessage());
		}
		if (messages.toString().contains("EOF")) {
			return new ImportFileException("import.file.truncated", String.valueOf(this.parser.getRecordNumber() + 1));
		}
		return new ImportFileException("import.file.malformed", String.valueOf(this.parser.getRecordNumber() + 1));
	}

	private static Reader open(Path file, TextDecoding.Detected encoding) throws IOException {
		InputStream in = Files.newInputStream(file);
		in.skipNBytes(encoding.bomLength());
		return new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
	}

	/** The delimiter that occurs most often outside quotes in the first line. */
	private static char detectDelimiter(Path file, TextDecoding.Detected encoding) throws IOException {
		try (Reader in = open(file, encoding)) {
			int[] counts = new int[DELIMITERS.length];
			boolean quoted = false;
			for (int i = 0, c = in.read(); c != -1 && i < 64 * 1024; i++, c = in.read()) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '\n' || c == '\r')) {
					break;
				}
				else if (!quoted) {
					for (int d = 0; d < DELIMITERS.length; d++) {
						if (c == DELIMITERS[d]) {
							counts[d]++;
						}
					}
				}
			}
			int best = 0;
			for (int d = 1; d < DELIMITERS.length; d++) {
				if (counts[d] > counts[best]) {
					best = d;
				}
			}
			return DELIMITERS[best];
		}
	}

	/** Thrown inside the parser when one record grows beyond the limit. */
	private static final class TooLongException extends IOException {

		TooLongException() {
			super("Record too long");
		}

	}

	/**
	 * Stops a runaway record (an unclosed quote, a giant cell) before it fills the heap.
	 */
	private static final class BoundedReader extends FilterReader {

		private final long limit;

		private long count;

		BoundedReader(Reader in, long limit) {
			super(in);
			this.limit = limit;
		}

		void startRecord() {
			this.count = 0;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			count(1);
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int chars) throws TooLongException {
			this.count += chars;
			if (this.count > this.limit) {
				throw new TooLongException();
			}
		}

	}

}
