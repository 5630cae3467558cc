package com.tiercrm.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Resolves customer codes to ids, a chunk at a time.
 */
final class CustomerIds {

	private CustomerIds() {
	}

	static Map<String, Long> find(NamedParameterJdbcTemplate jdbc, List<String> codes) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.query("SELECT code, id FROM customers WHERE code IN (:codes)",
				new MapSqlParameterSource("codes", codes.stream().distinct().toList()), (rs) -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		return ids;
	}

}
