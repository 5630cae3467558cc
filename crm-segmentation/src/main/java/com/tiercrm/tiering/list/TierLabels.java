package com.tiercrm.tiering.list;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.tiering.SharedCaches;
import com.tiercrm.tiering.run.RunPublished;
import com.tiercrm.tiering.run.TierModels;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The tiers and RFM segments, which are data in the {@code tiers} table: their English
 * and Chinese names, and which tiers and classes each model has. Read once and again
 * after each published run (which empties the cache), which read the table's ranks
 * afresh: the labels shown follow the tiers the current run was made with.
 */
@Component("tierLabels")
public class TierLabels {

	static final String CACHE = "tiering.tier-labels";

	private final JdbcTemplate jdbc;

	private final Cache catalog;

	private final TierModels models;

	private final MessageSource messages;

	private final SharedCaches shared;

	TierLabels(JdbcTemplate jdbc, CacheManager caches, TierModels models, MessageSource messages, SharedCaches shared) {
		this.jdbc = jdbc;
		this.shared = shared;
		this.models = models;
		this.messages = messages;
		this.catalog = Objects.requireNonNull(caches.getCache(CACHE));
	}

	/**
	 * The tier's name in the given language, or the code itself for an unknown tier.
	 */
	public String label(String code, Locale locale) {
		String[] names = catalog().labels().get(code);
		if (names == null) {
			return code;
		}
		return "zh".equals(locale.getLanguage()) ? names[1] : names[0];
	}

	/**
	 * A tier model's name in the given language: from the message bundles
	 * ({@code policy.model.CODE}), else the model's own.
	 * @param code the model's code, such as {@code ABC}
	 * @param locale the reader's language
	 * @return the name, or the code itself for an unknown model
	 */
	public String model(String code, Locale locale) {
		String own = this.models.find(code)
			.map((model) -> "zh".equals(locale.getLanguage()) ? model.labelZh() : model.labelEn())
			.orElse(code);
		return this.messages.getMessage("policy.model." + code, null, own, locale);
	}

	/**
	 * The tier codes of a model, best first, such as {@code ABC:A}.
	 * @param model {@code ABC}, {@code RFM} or {@code CLV}
	 * @return the codes, empty for an unknown model
	 */
	public List<String> codes(String model) {
		return catalog().codes().getOrDefault(model, List.of());
	}

	/**
	 * The class codes of a model, best first, such as {@code A}.
	 * @param model {@code ABC}, {@code RFM} or {@code CLV}
	 * @return the classes, empty for an unknown model
	 */
	public List<String> classes(String model) {
		return catalog().classes().getOrDefault(model, List.of());
	}

	@TransactionalEventListener
	void reload(RunPublished published) {
		forget();
	}

	/**
	 * Reads the names again at the next use, in every instance, after a tier's names were
	 * changed.
	 */
	public void forget() {
		this.shared.changed(CACHE);
	}

	private Catalog catalog() {
		return Objects.requireNonNull(this.catalog.get(SimpleKey.EMPTY, this::load));
	}

	private Catalog load() {
		Map<String, String[]> labels = new HashMap<>();
		Map<String, List<String>> codes = new HashMap<>();
		Map<String, List<String>> classes = new HashMap<>();
		this.jdbc.query(
				"select model, class_code, code, label_en, label_zh from tiers order by model, rank_order, code",
				(java.sql.ResultSet rs) -> {
					labels.put(rs.getString(3), new String[] { rs.getString(4), rs.getString(5) });
					codes.computeIfAbsent(rs.getString(1), (model) -> new ArrayList<>()).add(rs.getString(3));
					classes.computeIfAbsent(rs.getString(1), (model) -> new ArrayList<>()).add(rs.getString(2));
				});
		return new Catalog(Map.copyOf(labels), copy(codes), copy(classes));
	}

	private static Map<String, List<String>> copy(Map<String, List<String>> lists) {
		Map<String, List<String>> copied = new HashMap<>();
		lists.forEach((model, values) -> copied.put(model, List.copyOf(values)));
		return Map.copyOf(copied);
	}

	private record Catalog(Map<String, String[]> labels, Map<String, List<String>> codes,
			Map<String, List<String>> classes) {

	}

}
