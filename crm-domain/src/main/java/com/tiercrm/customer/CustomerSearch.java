package com.tiercrm.customer;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import com.tiercrm.account.AccessScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer list behind pages and the API: scoped to what the user may see, filtered,
 * sorted and keyset-paged so that page 50,000 of a million customers costs what page 1
 * does.
 */
@Service
public class CustomerSearch {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final NamedParameterJdbcTemplate jdbc;

	public CustomerSearch(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public CustomerPage search(CustomerCriteria criteria, AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		appendScope(where, params, scope);
		appendFilters(where, params, criteria);
		Cursor cursor = (criteria.cursor() != null) ? Cursor.decode(criteria.cursor(), criteria.sort()) : null;
		boolean backwards = cursor != null && cursor.backwards();
		if (cursor != null) {
			appendKeyset(where, params, criteria.sort(), cursor);
		}
		// Walking backwards reads the reverse order and flips the rows afterwards.
		boolean descending = criteria.sort().descending() != backwards;
		String direction = descending ? " desc" : " asc";
		String sql = "select c.id, c.code, c.name, c.type, c.phone, c.region, c.city, c.industry, c.owner_id,"
				+ " u.display_name as owner_name, c.status, c.created_at"
				+ " from customers c left join users u on u.id = c.owner_id" + where + " order by "
				+ criteria.sort().column() + direction + ", c.id" + direction + " limit :limit";
		params.addValue("limit", criteria.size() + 1);
		List<CustomerSummary> rows = new ArrayList<>(this.jdbc.query(sql, params, CustomerSearch::mapRow));
		boolean more = rows.size() > criteria.size();
		if (more) {
			rows.removeLast();
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		String next = null;
		String previous = null;
		if (!rows.isEmpty()) {
			if (backwards || more) {
				next = Cursor.after(criteria.sort(), rows.getLast()).encode();
			}
			if ((backwards && more) || (!backwards && cursor != null)) {
				previous = Cursor.before(criteria.sort(), rows.getFirst()).encode();
			}
		}
		return new CustomerPage(List.copyOf(rows), next, previous);
	}

	static void appendScope(StringBuilder where, MapSqlParameterSource params, AccessScope scope) {
		params.addValue("scopeUser", scope.userId());
		where.append(" and ").append(scope.ownerCondition("c.owner_id"));
	}

	private static void appendFilters(StringBuilder where, MapSqlParameterSource params, CustomerCriteria criteria) {
		if (criteria.ownerId() != null) {
			where.append(" and c.owner_id = :ownerId");
			params.addValue("ownerId", criteria.ownerId());
		}
		if (criteria.region() != null) {
			where.append(" and c.region = :region");
			params.addValue("region", criteria.region());
		}
		if (criteria.industry() != null) {
			where.append(" and c.industry = :industry");
			params.addValue("industry", criteria.industry());
		}
		if (criteria.text() != null) {
			String text = criteria.text();
			String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			where.append(" and (c.name ilike :textAnywhere escape '\\' or c.code ilike :textPrefix escape '\\'");
			params.addValue("textAnywhere", "%" + escaped + "%");
			params.addValue("textPrefix", escaped + "%");
			String digits = text.replaceAll("[^0-9]", "");
			if (digits.length() >= 4) {
				where.append(" or c.phone like :phoneDigits");
				params.addValue("phoneDigits", "%" + digits + "%");
			}
			where.append(")");
		}
	}

	private static void appendKeyset(StringBuilder where, MapSqlParameterSource params, CustomerSort sort,
			Cursor cursor) {
		boolean greater = sort.descending() == cursor.backwards();
		String op = greater ? ">" : "<";
		String column = sort.column();
		where.append(" and (")
			.append(column)
			.append(' ')
			.append(op)
			.append(" :keyValue or (")
			.append(column)
			.append(" = :keyValue and c.id ")
			.append(op)
			.append(" :keyId))");
		params.addValue("keyValue",
				(sort == CustomerSort.NEWEST) ? Timestamp.from(Instant.parse(cursor.value())) : cursor.value());
		params.addValue("keyId", cursor.id());
	}

	private static CustomerSummary mapRow(ResultSet rs, int rowNum) throws SQLException {
		long ownerId = rs.getLong("owner_id");
		Long owner = rs.wasNull() ? null : ownerId;
		return new CustomerSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				CustomerType.valueOf(rs.getString("type")), rs.getString("phone"), rs.getString("region"),
				rs.getString("city"), rs.getString("industry"), owner, rs.getString("owner_name"),
				CustomerStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * Where a page starts: the sort key and id of the row next to it, and the direction
	 * to walk.
	 */
	private record Cursor(CustomerSort sort, String value, long id, boolean backwards) {

		static Cursor after(CustomerSort sort, CustomerSummary row) {
			return new Cursor(sort, keyOf(sort, row), row.id(), false);
		}

		static Cursor before(CustomerSort sort, CustomerSummary row) {
			return new Cursor(sort, keyOf(sort, row), row.id(), true);
		}

		private static String keyOf(CustomerSort sort, CustomerSummary row) {
			return switch (sort) {
				case NAME_ASC, NAME_DESC -> row.name();
				case CODE_ASC, CODE_DESC -> row.code();
				case NEWEST -> row.createdAt().toString();
			};
		}

		String encode() {
			String raw = this.sort.name() + '\n' + (this.backwards ? 'b' : 'a') + '\n' + this.id + '\n' + this.value;
			return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(@Nullable String encoded, CustomerSort expectedSort) {
			try {
				String[] parts = new String(DECODER.decode(String.valueOf(encoded)), StandardCharsets.UTF_8).split("\n",
						4);
				CustomerSort sort = CustomerSort.valueOf(parts[0]);
				if (parts.length != 4 || sort != expectedSort || !(parts[1].equals("a") || parts[1].equals("b"))) {
					throw new InvalidCursorException(String.valueOf(encoded));
				}
				if (sort == CustomerSort.NEWEST) {
					Instant.parse(parts[3]);
				}
				return new Cursor(sort, parts[3], Long.parseLong(parts[2]), parts[1].equals("b"));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException ex) {
				throw (ex instanceof InvalidCursorException invalid) ? invalid
						: new InvalidCursorException(String.valueOf(encoded));
			}
		}

	}

}
