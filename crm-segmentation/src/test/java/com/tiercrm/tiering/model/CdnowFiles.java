package com.tiercrm.tiering.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CDNOW fixtures from the test class path ({@code src/test/resources/cdnow},
 * where the README says where they come from) and turns transactions into
 * {@link CustomerFacts} the way the aggregating query does. A missing file fails the
 * test: these oracles are not optional.
 */
public final class CdnowFiles {

	private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

	private CdnowFiles() {
	}

	/** The lines of a fixture under {@code src/test/resources/cdnow}. */
	public static List<String> lines(String name) {
		InputStream in = CdnowFiles.class.getResourceAsStream("/cdnow/" + name);
		if (in == null) {
			throw new IllegalStateException("Missing fixture cdnow/" + name + " on the test class path");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
			return reader.lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String[]> rows(String name, String separator, boolean header) {
		List<String[]> rows = new ArrayList<>();
		List<String> lines = lines(name);
		for (int i = header ? 1 : 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (!line.isEmpty()) {
				rows.add(line.split(separator));
			}
		}
		return rows;
	}

	/** One purchase row: customer, date, dollars. */
	public record Transaction(long customerId, LocalDate date, double dollars) {

	}

	public static List<Transaction> master() {
		return rows("CDNOW_master.txt", "\\s+", true).stream()
			.map((row) -> new Transaction(Long.parseLong(row[0]), LocalDate.parse(row[1], BASIC),
					Double.parseDouble(row[3])))
			.toList();
	}

	/** The 1/10 sample, keyed by the sample id (1..2357) as the summaries are. */
	public static List<Transaction> sample() {
		return rows("CDNOW_sample.txt", "\\s+", false).stream()
			.map((row) -> new Transaction(Long.parseLong(row[1]), LocalDate.parse(row[2], BASIC),
					Double.parseDouble(row[4])))
			.toList();
	}

	/**
	 * What one {@code GROUP BY customer} over completed orders up to {@code asOf} gives.
	 * Every row is an order; revenue doubles as gross profit (CDNOW has no costs); the
	 * ABC window is the whole history.
	 */
	public static List<CustomerFacts> facts(List<Transaction> transactions, LocalDate asOf) {
		Map<Long, TreeMap<LocalDate, double[]>> byCustomer = new LinkedHashMap<>();
		for (Transaction transaction : transactions) {
			TreeMap<LocalDate, double[]> days = byCustomer.computeIfAbsent(transaction.customerId(),
					(id) -> new TreeMap<>());
			if (!transaction.date().isAfter(asOf)) {
				double[] day = days.computeIfAbsent(transaction.date(), (date) -> new double[2]);
				day[0]++;
				day[1] += transaction.dollars();
			}
		}
		List<CustomerFacts> facts = new ArrayList<>();
		byCustomer.forEach((id, days) -> {
			if (days.isEmpty()) {
				facts.add(CustomerFacts.noPurchase(id));
				return;
			}
			int orders = 0;
			double revenue = 0;
			for (double[] day : days.values()) {
				orders += (int) day[0];
				revenue += day[1];
			}
			LocalDate first = days.firstKey();
			LocalDate last = days.lastKey();
			double repeatSpend = revenue - days.firstEntry().getValue()[1];
			int firstToLast = (int) ChronoUnit.DAYS.between(first, last);
			int firstToAsOf = (int) ChronoUnit.DAYS.between(first, asOf);
			facts.add(new CustomerFacts(id, orders, days.size(), revenue, revenue, revenue, revenue,
					(int) ChronoUnit.DAYS.between(last, asOf), firstToLast, firstToAsOf,
					(days.size() > 1) ? repeatSpend : 0));
		});
		return facts;
	}

}
