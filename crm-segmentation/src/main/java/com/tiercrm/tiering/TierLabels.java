package com.tiercrm.tiering;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The English and Chinese names of tiers and RFM segments, which are data in the
 * {@code tiers} table. Read once: the table is seeded by migrations.
 */
@Component("tierLabels")
public class TierLabels {

	private final JdbcTemplate jdbc;

	private volatile Map<String, String[]> labels = Map.of();

	TierLabels(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tier's name in the given language, or the code itself for an unknown tier.
	 */
	public String label(String code, Locale locale) {
		Map<String, String[]> current = this.labels;
		if (current.isEmpty()) {
			current = load();
		}
		String[] names = current.get(code);
		if (names == null) {
			return code;
		}
		return "zh".equals(locale.getLanguage()) ? names[1] : names[0];
	}

	private synchronized Map<String, String[]> load() {
		if (this.labels.isEmpty()) {
			Map<String, String[]> loaded = new HashMap<>();
			this.jdbc.query("select code, label_en, label_zh from tiers", (java.sql.ResultSet rs) -> {
				loaded.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
			});
			this.labels = Map.copyOf(loaded);
		}
		return this.labels;
	}

}
