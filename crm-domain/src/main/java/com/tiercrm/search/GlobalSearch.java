package com.tiercrm.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.tiercrm.account.AccessScope;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.search.SearchResults.ContactHit;
import com.tiercrm.search.SearchResults.CustomerHit;
import com.tiercrm.search.SearchResults.Match;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers by code, name or phone and contacts by name, within the user's scope.
 * Results come in tiers (the exact code, then what starts with the text, then what holds
 * it), each tier asked for with a limit and without a sort the database would have to
 * finish first, so that every query stops after a few rows; later tiers are asked only
 * while the earlier ones left room.
 * <p>
 * On PostgreSQL each tier is answered by an index: ranges of the unique code and the name
 * and phone b-trees for prefixes, trigram indexes for fragments of a customer's code,
 * name or phone of three characters or more, and the one- and two-character grams of
 * {@code V36} for shorter ones, such as a Chinese surname, and for contacts' names. H2
 * reads the same conditions without them.
 */
@Service
public class GlobalSearch {

	/** Results of each kind a page shows. */
	public static final int PAGE_LIMIT = 10;

	/** The longest text searched for; more is cut. */
	public static final int MAX_TEXT = 100;

	private static final int MIN_PHONE_DIGITS = 3;

	private static final int TRIGRAM = 3;

	/**
	 * Sorts after every character: a prefix's range ends at the prefix followed by it.
	 */
	private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

	private final NamedParameterJdbcTemplate jdbc;

	private final DatabaseDialect dialect;

	GlobalSearch(NamedParameterJdbcTemplate jdbc, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * Customers and contacts the scope may see that match the text, best first.
	 * @param text part of a code, name or phone number; blank finds nothing
	 * @param scope what the user may see
	 * @param limit the most results of each kind
	 * @return the results
	 */
	@Transactional(readOnly = true)
	public SearchResults search(String text, AccessScope scope, int limit) {
		String fragment = text.strip();
		if (fragment.length() > MAX_TEXT) {
			fragment = fragment.substring(0, MAX_TEXT);
		}
		if (fragment.isEmpty()) {
			return new SearchResults(fragment, List.of(), List.of(), limit);
		}
		Terms terms = new Terms(fragment, limit, scope, this.dialect.isPostgres());
		return new SearchResults(fragment, customers(terms), contacts(terms), limit);
	}

	private List<CustomerHit> customers(Terms terms) {
		String select = "select c.code, c.name, coalesce(c.phone_display, c.phone) as phone, c.phone as phone_digits,"
				+ " c.city from customers c where c.status <> 'MERGED' and " + terms.scope("c.owner_id") + " and ";
		Map<String, CustomerHit> found = new LinkedHashMap<>();
		collect(found, terms.limit, CustomerHit::code,
				query(select + "c.code in (:text, :upper) limit :limit", terms, customer(Match.EXACT)));
		if (found.size() < terms.limit) {
			// Each start in its own index, in its order.
			StringBuilder prefix = new StringBuilder();
			prefix.append("(").append(Terms.startsWith(select, "c.code", "code", "upper")).append(")");
			prefix.append(" union all (").append(Terms.startsWith(select, "c.name", "name", "text")).append(")");
			if (terms.phoneDigits != null) {
				prefix.append(" union all (")
					.append(Terms.startsWith(select, "c.phone", "phone_digits", "digits"))
					.append(")");
			}
			collect(found, terms.limit, CustomerHit::code,
					sorted(query(prefix.toString(), terms, customer(Match.PREFIX)), CustomerHit::name));
		}
		if (found.size() < terms.limit) {
			List<String> anywhere = new ArrayList<>();
			anywhere.add(terms.nameContains("c.name", true));
			if (terms.fragment.length() >= TRIGRAM) {
				anywhere.add("c.code ilike :anywhere escape '\\'");
			}
			if (terms.phoneDigits != null) {
				anywhere.add("c.phone like :phoneAnywhere");
			}
			collect(found, terms.limit, CustomerHit::code,
					sorted(query(select + "(" + String.join(" or ", anywhere) + ") limit :limit", terms,
							customer(Match.CONTAINS)), CustomerHit::name));
		}
		return List.copyOf(found.values());
	}

	private List<ContactHit> contacts(Terms terms) {
		String select = "select k.id, k.name, k.title, k.is_primary, c.code, c.name as customer_name"
				+ " from customer_contacts k join customers c on c.id = k.customer_id where c.status <> 'MERGED' and "
				+ terms.scope("c.owner_id") + " and ";
		Map<Long, ContactHit> found = new LinkedHashMap<>();
		collect(found, terms.limit, ContactHit::id,
				query(Terms.startsWith(select, "k.name", "name", "text"), terms, contact(Match.PREFIX)));
		if (found.size() < terms.limit) {
			collect(found, terms.limit, ContactHit::id,
					sorted(query(select + terms.nameContains("k.name", false) + " limit :limit", terms,
							contact(Match.CONTAINS)), ContactHit::name));
		}
		return List.copyOf(found.values());
	}

	private <T> List<T> query(String sql, Terms terms, RowMapper<T> mapper) {
		return this.jdbc.query(sql, terms.params, mapper);
	}

	private static <T, K> void collect(Map<K, T> found, int limit, Function<T, K> key, List<T> hits) {
		for (T hit : hits) {
			if (found.size() >= limit) {
				return;
			}
			found.putIfAbsent(key.apply(hit), hit);
		}
	}

	private static <T> List<T> sorted(List<T> hits, Function<T, String> name) {
		return hits.stream().sorted(Comparator.comparing(name)).toList();
	}

	private static RowMapper<CustomerHit> customer(Match match) {
		return (rs, row) -> new CustomerHit(rs.getString("code"), rs.getString("name"), rs.getString("phone"),
				rs.getString("city"), match);
	}

	private static RowMapper<ContactHit> contact(Match match) {
		return (rs, row) -> new ContactHit(rs.getLong("id"), rs.getString("name"), rs.getString("title"),
				rs.getBoolean("is_primary"), rs.getString("code"), rs.getString("customer_name"), match);
	}

	/**
	 * The text as the queries use it, and their parameters.
	 */
	private static final class Terms {

		private final String fragment;

		private final int limit;

		private final AccessScope scope;

		private final boolean postgres;

		private final @Nullable String phoneDigits;

		private final MapSqlParameterSource params = new MapSqlParameterSource();

		Terms(String fragment, int limit, AccessScope scope, boolean postgres) {
			this.fragment = fragment;
			this.limit = limit;
			this.scope = scope;
			this.postgres = postgres;
			String escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			String digits = fragment.replaceAll("[^0-9]", "");
			// Only text that looks like a phone number is one: "Shop 1" is not.
			this.phoneDigits = (digits.length() >= MIN_PHONE_DIGITS && fragment.matches("[0-9 +()\\-]+")) ? digits
					: null;
			String upper = fragment.toUpperCase(Locale.ROOT);
			this.params.addValue("text", fragment)
				.addValue("textPrefix", escaped + "%")
				.addValue("textEnd", fragment + LAST_CHARACTER)
				.addValue("upper", upper)
				.addValue("upperPrefix", escaped.toUpperCase(Locale.ROOT) + "%")
				.addValue("upperEnd", upper + LAST_CHARACTER)
				.addValue("digits", this.phoneDigits)
				.addValue("digitsPrefix", this.phoneDigits + "%")
				.addValue("digitsEnd", this.phoneDigits + LAST_CHARACTER)
				.addValue("anywhere", "%" + escaped + "%")
				.addValue("phoneAnywhere", "%" + this.phoneDigits + "%")
				.addValue("scopeUser", scope.userId())
				.addValue("limit", limit);
		}

		/**
		 * The first rows whose column starts with one of the texts ({@code text},
		 * {@code upper} or {@code digits}), in the column's order. The range walks a
		 * b-tree in any collation and stops after a few rows: the planner turns
		 * {@code LIKE 'x%'} into a range only under the collation "C", and with the
		 * "C.UTF-8" of a usual installation it walked the whole name index for 王 (9 s on
		 * 1M customers); a {@code LIKE} beside the range made it misjudge how many rows
		 * match and sort thousands. The {@code LIKE} outside keeps the result exact where
		 * a collation orders the range differently; what it then drops, the contains tier
		 * finds.
		 */
		static String startsWith(String select, String column, String alias, String name) {
			return "select * from (" + select + column + " >= :" + name + " and " + column + " < :" + name
					+ "End order by " + column + " limit :limit) p where p." + alias + " like :" + name
					+ "Prefix escape '\\'";
		}

		String scope(String ownerColumn) {
			return this.scope.ownerCondition(ownerColumn);
		}

		/**
		 * A name holding the text. On PostgreSQL the grams index of {@code V36} finds the
		 * names holding every character and pair of the text (a customer's name of three
		 * characters or more also by V5's trigram index), tested with {@code strpos}: an
		 * {@code ILIKE} there would let a generic plan (the driver's after five runs of a
		 * statement) add the trigram index, which reads all its million entries for a
		 * two-character pattern (1.6 s).
		 * @param column the name column
		 * @param trigrams whether the column has a trigram index
		 */
		String nameContains(String column, boolean trigrams) {
			boolean shortText = this.fragment.codePointCount(0, this.fragment.length()) < TRIGRAM;
			if (this.postgres && (shortText || !trigrams)) {
				return "(tiercrm_short_grams(" + column
						+ ") @> tiercrm_short_grams(cast(:text as text)) and strpos(lower(" + column
						+ "), lower(cast(:text as text))) > 0)";
			}
			return column + " ilike :anywhere escape '\\'";
		}

	}

}
