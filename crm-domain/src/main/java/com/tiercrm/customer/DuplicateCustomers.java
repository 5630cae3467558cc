package com.tiercrm.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.tiercrm.account.AccessScope;
import com.tiercrm.database.DatabaseDialect;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds the customers a new one likely duplicates: the same normalised phone number, the
 * same e-mail address, or a very similar name in the same city. On PostgreSQL names are
 * compared by trigram similarity ({@code pg_trgm}, with the GIN trigram index on names);
 * elsewhere (H2) a name matches when it equals the other, ignoring case, or one contains
 * the other. Merged customers are never candidates.
 */
@Repository
public class DuplicateCustomers {

	/** How similar two names must be, by {@code pg_trgm}'s {@code similarity()}. */
	static final double NAME_SIMILARITY = 0.5;

	/** How many candidates are shown at most. */
	static final int LIMIT = 10;

	/** Names shorter than this are not looked for inside other names. */
	private static final int MIN_CONTAINED_LENGTH = 3;

	private final NamedParameterJdbcTemplate jdbc;

	private final DatabaseDialect dialect;

	private volatile @Nullable Boolean trigrams;

	DuplicateCustomers(NamedParameterJdbcTemplate jdbc, DatabaseDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * The likely duplicates of a customer with these details, those the scope may see
	 * first.
	 * @param details the new customer's details
	 * @param scope who asks: customers outside it are named by owner only
	 * @return at most {@value #LIMIT} candidates
	 */
	public List<DuplicateCandidate> find(CustomerDetails details, AccessScope scope) {
		String phone = details.normalisedPhone();
		String email = details.email();
		String city = details.city();
		MapSqlParameterSource parameters = new MapSqlParameterSource("scopeUser", scope.userId())
			.addValue("phone", phone)
			.addValue("email", email)
			.addValue("city", city)
			.addValue("name", details.name())
			.addValue("similarity", NAME_SIMILARITY)
			.addValue("limit", LIMIT);
		List<String> matches = new ArrayList<>();
		if (phone != null) {
			matches.add("select id from customers where phone = :phone");
		}
		if (email != null) {
			matches.add("select id from customers where email = :email");
		}
		String similarName;
		if (city != null && !details.name().isEmpty()) {
			if (trigrams()) {
				// % finds candidates through the trigram index (its threshold is lower),
				// similarity() keeps the very similar ones.
				similarName = "c.city = :city and similarity(c.name, :name) >= :similarity";
				matches.add("select id from customers where city = :city and name % :name"
						+ " and similarity(name, :name) >= :similarity");
			}
			else {
				String lower = details.name().toLowerCase(Locale.ROOT);
				parameters.addValue("lowerName", lower).addValue("containing", "%" + escapeLike(lower) + "%");
				similarName = "c.city = :city and (lower(c.name) = :lowerName"
						+ (lower.length() >= MIN_CONTAINED_LENGTH ? " or lower(c.name) like :containing escape '\\'"
								: "")
						+ " or (length(c.name) >= " + MIN_CONTAINED_LENGTH
						+ " and :lowerName like '%' || lower(c.name) || '%'))";
				matches.add("select id from customers c where " + similarName);
			}
		}
		else {
			similarName = "1 = 0";
		}
		if (matches.isEmpty()) {
			return List.of();
		}
		String sql = "select c.code, c.name, c.city, u.display_name,"
				+ " case when c.phone = :phone then 1 else 0 end as same_phone,"
				+ " case when c.email = :email then 1 else 0 end as same_email," + " case when " + similarName
				+ " then 1 else 0 end as similar_name," + " case when " + scope.ownerCondition("c.owner_id")
				+ " then 1 else 0 end as visible" + " from customers c left join users u on u.id = c.owner_id"
				+ " where c.status <> 'MERGED' and c.id in (" + String.join(" union ", matches) + ")"
				+ " order by visible desc, c.name, c.id limit :limit";
		return this.jdbc.query(sql, parameters, (rs, row) -> {
			boolean visible = rs.getInt("visible") == 1;
			return new DuplicateCandidate(visible ? rs.getString(1) : null, visible ? rs.getString(2) : null,
					visible ? rs.getString(3) : null, rs.getString(4), rs.getInt("same_phone") == 1,
					rs.getInt("same_email") == 1, rs.getInt("similar_name") == 1);
		});
	}

	/** Whether names can be compared by trigrams: PostgreSQL with {@code pg_trgm}. */
	boolean trigrams() {
		Boolean known = this.trigrams;
		if (known == null) {
			known = this.dialect.isPostgres() && Boolean.TRUE
				.equals(this.jdbc.queryForObject("select exists (select 1 from pg_extension where extname = 'pg_trgm')",
						new MapSqlParameterSource(), Boolean.class));
			this.trigrams = known;
		}
		return known;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
