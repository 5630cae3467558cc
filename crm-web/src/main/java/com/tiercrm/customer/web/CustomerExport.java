package com.tiercrm.customer.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.web.Formats;
import com.tiercrm.web.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the customer list of a filter as CSV or .xlsx, row by row as the database
 * streams them: headers in the user's language, labels instead of codes, text neutralised
 * against formulas, numbers as numbers.
 */
@Component
class CustomerExport {

	private static final List<String> HEADERS = List.of("customer.code", "customer.name", "customer.type",
			"customer.phone", "customer.region", "lists.column.city", "customer.industry", "customer.owner",
			"customer.status", "lists.column.tier", "lists.column.abc", "lists.column.rfm", "lists.column.clv",
			"lists.column.monetary", "lists.column.recency", "lists.column.clvPredicted", "lists.column.alive");

	/** The columns of amounts, whose headers name the currency. */
	private static final Set<String> AMOUNTS = Set.of("lists.column.monetary", "lists.column.clvPredicted");

	/** Rows SXSSF keeps in memory before flushing them to its temporary file. */
	private static final int XLSX_WINDOW = 200;

	private final TieredCustomerSearch search;

	private final MessageSource messages;

	private final CustomerWords words;

	private final Formats formats;

	CustomerExport(TieredCustomerSearch search, MessageSource messages, CustomerWords words, Formats formats) {
		this.search = search;
		this.messages = messages;
		this.words = words;
		this.formats = formats;
	}

	/**
	 * Writes the customers as CSV.
	 * @return the rows written
	 */
	long csv(TieredCriteria criteria, AccessScope scope, Locale locale, OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		// The byte order mark makes Excel read the file as UTF-8, Chinese included.
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
		printer.printRecord(headers(locale));
		long[] rows = { 0 };
		this.search.forEach(criteria, scope, (row) -> {
			try {
				printer.printRecord(cells(row, locale).stream().map(this::csvText).toList());
				rows[0]++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		printer.flush();
		return rows[0];
	}

	/**
	 * Writes the customers as an Excel workbook.
	 * @return the rows written
	 */
	long xlsx(TieredCriteria criteria, AccessScope scope, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
		try {
			Sheet sheet = workbook.createSheet(this.messages.getMessage("customers.title", null, locale));
			Row header = sheet.createRow(0);
			List<String> headers = headers(locale);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			int[] next = { 1 };
			this.search.forEach(criteria, scope, (customer) -> {
				Row row = sheet.createRow(next[0]++);
				List<@Nullable Object> cells = cells(customer, locale);
				for (int i = 0; i < cells.size(); i++) {
					Object value = cells.get(i);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else {
						cell.setCellValue(SpreadsheetText.neutralise(value.toString()));
					}
				}
			});
			workbook.write(out);
			return next[0] - 1;
		}
		finally {
			workbook.close();
		}
	}

	private List<String> headers(Locale locale) {
		return HEADERS.stream().map((key) -> {
			String header = this.messages.getMessage(key, null, locale);
			return AMOUNTS.contains(key) ? this.formats.inCurrency(header) : header;
		}).toList();
	}

	private String csvText(@Nullable Object value) {
		return (value instanceof Number) ? value.toString() : SpreadsheetText.neutralise((String) value);
	}

	private List<@Nullable Object> cells(TieredCustomer row, Locale locale) {
		List<@Nullable Object> cells = new ArrayList<>(HEADERS.size());
		cells.add(row.code());
		cells.add(row.name());
		cells.add(this.words.label("customer.type.", row.type(), locale));
		cells.add(row.phoneDisplay());
		cells.add(this.words.region(row.region(), locale));
		cells.add(row.city());
		cells.add(this.words.industry(row.industry(), locale));
		cells.add(row.ownerName());
		cells.add(this.words.label("customer.status.", row.status(), locale));
		cells.add(this.words.tier(row.tier(), locale));
		cells.add(this.words.label("abc.class.", row.abcClass(), locale));
		cells.add(this.words.label("rfm.segment.", row.rfmSegment(), locale));
		cells.add(this.words.label("clv.class.", row.clvClass(), locale));
		cells.add(row.monetary());
		cells.add(row.recencyDays());
		cells.add(row.clvPredicted());
		cells.add(row.probabilityAlive());
		return cells;
	}

}
