package com.tiercrm.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.tiercrm.interaction.InteractionType;
import com.tiercrm.interaction.LastContacts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Interactions. They have no number of their own, so a row matches a stored interaction
 * of the same customer, type and time; its satisfaction and notes are then updated. The
 * customer must exist. The last contact of every customer written to is recomputed in the
 * import's transaction.
 */
final class InteractionImport implements RowImport<InteractionImport.InteractionRow> {

	private static final Map<String, InteractionType> TYPES = types();

	private final HeaderMapping<InteractionColumn> mapping;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final PlausibleDates dates;

	private final FileReading reading;

	/** One valid interaction row; satisfaction and notes are null when blank. */
	record InteractionRow(long row, String customerCode, InteractionType type, Instant occurredAt,
			@Nullable Integer satisfaction, @Nullable String notes) {

	}

	InteractionImport(List<String> header, ColumnMapping correction, JdbcTemplate jdbc, PlausibleDates dates,
			FileReading reading) {
		this.mapping = HeaderMapping.match(header, InteractionColumn.class, correction);
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.dates = dates;
		this.reading = reading;
	}

	/** Decides how the dates of an interaction file are read. */
	static FileReading reading(List<String> header, ColumnMapping correction, Iterable<ImportFile.Row> rows,
			ReadingSettings settings, int sampleRows) {
		HeaderMapping<InteractionColumn> mapping = HeaderMapping.match(header, InteractionColumn.class, correction);
		return ReadingEvidence.scan(rows, (row) -> List.of(mapping.value(row, InteractionColumn.OCCURRED_AT)),
				(row) -> List.of(), settings, sampleRows);
	}

	@Override
	public Optional<InteractionRow> parse(ImportFile.Row row, Consumer<RowError> errors) {
		RowCells<InteractionColumn> cells = new RowCells<>(this.mapping, row, errors);
		String customerCode = cells.text(InteractionColumn.CUSTOMER_CODE);
		InteractionType type = cells.choice(InteractionColumn.TYPE, TYPES, "import.error.interactionType");
		Instant occurredAt = null;
		String time = cells.text(InteractionColumn.OCCURRED_AT);
		if (time != null) {
			occurredAt = this.dates.read(cells, InteractionColumn.OCCURRED_AT, time, this.reading.dateOrder());
		}
		Integer satisfaction = null;
		String score = cells.text(InteractionColumn.SATISFACTION);
		if (score != null && !score.isEmpty()) {
			if (score.matches("[1-5](\\.0+)?")) {
				satisfaction = Integer.valueOf(score.substring(0, 1));
			}
			else {
				cells.reject(InteractionColumn.SATISFACTION, score, "import.error.satisfaction");
			}
		}
		String notes = cells.text(InteractionColumn.NOTES);
		if (cells.failed() || customerCode == null || type == null || occurredAt == null) {
			return Optional.empty();
		}
		return Optional.of(new InteractionRow(row.number(), customerCode, type, occurredAt, satisfaction,
				(notes == null || notes.isEmpty()) ? null : notes));
	}

	@Override
	public String key(InteractionRow row) {
		return row.customerCode() + '\u0000' + row.type() + '\u0000' + row.occurredAt();
	}

	@Override
	public RowError duplicate(InteractionRow row) {
		return duplicate(row.row(), row.customerCode());
	}

	RowError duplicate(long row, String customerCode) {
		return new RowError(row, this.mapping.headerOf(InteractionColumn.CUSTOMER_CODE), customerCode,
				"import.error.duplicateInteraction");
	}

	RowError unknownCustomer(long row, String customerCode) {
		return new RowError(row, this.mapping.headerOf(InteractionColumn.CUSTOMER_CODE), customerCode,
				"import.error.unknownCustomer");
	}

	@Override
	public void apply(List<InteractionRow> chunk, ImportTally tally, boolean write) {
		Map<String, Long> customers = CustomerIds.find(this.named,
				chunk.stream().map(InteractionRow::customerCode).toList());
		Map<String, Stored> stored = new HashMap<>();
		if (!customers.isEmpty()) {
			MapSqlParameterSource parameters = new MapSqlParameterSource("ids", List.copyOf(customers.values()))
				.addValue("from", first(chunk).atOffset(ZoneOffset.UTC))
				.addValue("to", last(chunk).atOffset(ZoneOffset.UTC));
			this.named.query(
					"SELECT id, customer_id, type, occurred_at, satisfaction, notes FROM interactions"
							+ " WHERE customer_id IN (:ids) AND occurred_at BETWEEN :from AND :to",
					parameters, (rs) -> {
						Instant occurredAt = rs.getObject(4, OffsetDateTime.class).toInstant();
						int score = rs.getInt(5);
						Integer satisfaction = rs.wasNull() ? null : score;
						stored.putIfAbsent(storedKey(rs.getLong(2), rs.getString(3), occurredAt),
								new Stored(rs.getLong(1), satisfaction, rs.getString(6)));
					});
		}
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		Set<Long> touched = new HashSet<>();
		for (InteractionRow row : chunk) {
			Long customerId = customers.get(row.customerCode());
			if (customerId == null) {
				tally.invalid(List.of(unknownCustomer(row.row(), row.customerCode())));
				continue;
			}
			tally.valid++;
			Stored existing = stored.get(storedKey(customerId, row.type().name(), row.occurredAt()));
			if (existing == null) {
				tally.inserted++;
				inserts.add(new Object[] { customerId, row.type().name(), row.occurredAt().atOffset(ZoneOffset.UTC),
						row.satisfaction(), row.notes() });
				touched.add(customerId);
			}
			else if (!Objects.equals(existing.satisfaction(), row.satisfaction())
					|| !Objects.equals(existing.notes(), row.notes())) {
				tally.updated++;
				updates.add(new Object[] { row.satisfaction(), row.notes(), existing.id() });
				touched.add(customerId);
			}
			else {
				tally.unchanged++;
			}
		}
		if (write) {
			this.jdbc.batchUpdate("INSERT INTO interactions (customer_id, type, occurred_at, satisfaction, notes)"
					+ " VALUES (?, ?, ?, ?, ?)", inserts);
			this.jdbc.batchUpdate("UPDATE interactions SET satisfaction = ?, notes = ? WHERE id = ?", updates);
			// Set-based rather than "the later of old and new": whatever the writes did
			// to
			// a customer's interactions, the column ends equal to their latest.
			LastContacts.recompute(this.named, touched);
		}
	}

	private record Stored(long id, @Nullable Integer satisfaction, @Nullable String notes) {

	}

	private static Instant first(List<InteractionRow> chunk) {
		return chunk.stream().map(InteractionRow::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
	}

	private static Instant last(List<InteractionRow> chunk) {
		return chunk.stream().map(InteractionRow::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
	}

	private static String storedKey(long customerId, String type, Instant occurredAt) {
		return customerId + "/" + type + "/" + occurredAt;
	}

	private static Map<String, InteractionType> types() {
		Map<String, InteractionType> types = new HashMap<>();
		for (InteractionType type : InteractionType.values()) {
			types.put(type.name().toLowerCase(Locale.ROOT), type);
		}
		types.putAll(Map.of("拜访", InteractionType.VISIT, "电话", InteractionType.CALL, "邮件", InteractionType.EMAIL, "会议",
				InteractionType.MEETING, "微信", InteractionType.WECHAT, "投诉", InteractionType.COMPLAINT, "满意度调查",
				InteractionType.SATISFACTION_SURVEY, "survey", InteractionType.SATISFACTION_SURVEY, "回访",
				InteractionType.SATISFACTION_SURVEY));
		return Map.copyOf(types);
	}

}
