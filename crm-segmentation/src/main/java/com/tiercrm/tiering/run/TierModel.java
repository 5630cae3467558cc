package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;

import org.springframework.modulith.NamedInterface;

/**
 * A way of putting customers into tiers. ABC, RFM and CLV ship with the product; another
 * model is a Spring bean implementing this interface. Every run applies the built-in
 * models and the model chosen in the settings to the same facts, and the chosen model
 * gives the customers their tiers ({@code MODEL:CLASS}). Lists, export, the dashboard and
 * the evaluation work on tiers, so a new model needs no change there.
 * <p>
 * The computation itself should stay plain Java: facts in, classes out, no database.
 */
@NamedInterface("run")
public interface TierModel {

	/**
	 * The class of customers who never completed an order, which every model has: such
	 * customers form no churn cohort.
	 */
	String NO_PURCHASE = "NO_PURCHASE";

	/**
	 * The model's code: upper-case letters, digits or {@code _}, at most 10 characters,
	 * such as {@code ABC}. Settings and stored tiers name the model by it.
	 * @return the code
	 */
	String code();

	/**
	 * The model's name in English. Built-in models are named by the message bundles
	 * ({@code policy.model.CODE}); this is the name where they have none.
	 * @return the name, the code by default
	 */
	default String labelEn() {
		return code();
	}

	/**
	 * The model's name in Simplified Chinese, where the message bundles have none.
	 * @return the name, the code by default
	 */
	default String labelZh() {
		return code();
	}

	/**
	 * Whether every run applies the model, or only a run whose tiers it defines. ABC, RFM
	 * and CLV always run: the dashboard shows all three. Another model (clustering costs
	 * seconds and a million rows per run) runs when it is the tier model.
	 * @return {@code false} by default
	 */
	default boolean runsAlways() {
		return false;
	}

	/**
	 * Every class the model can assign, best first, including {@link #NO_PURCHASE}. At
	 * start-up each class becomes a tier, with its labels and a default service policy,
	 * unless the tier exists already.
	 * @return the classes
	 */
	List<TierClass> classes();

	/**
	 * The classes the model assigns to customers who bought under these settings, best
	 * first; the last of them is the tier a churning customer drops to.
	 * @param settings the run's settings
	 * @return class codes
	 */
	default List<String> classesInUse(SegmentationSettings settings) {
		return classes().stream().map(TierClass::code).filter((code) -> !NO_PURCHASE.equals(code)).toList();
	}

	/**
	 * The settings a manager can edit for this model, shown on the threshold form. The
	 * values are kept with each configuration version under the model's code.
	 * @return the settings, none by default
	 */
	default List<ModelSetting> settings() {
		return List.of();
	}

	/**
	 * One of this model's settings as configured, or its default.
	 * @param settings the run's settings
	 * @param name the setting's name
	 * @return the value
	 * @throws IllegalArgumentException if the model has no such setting
	 */
	default int setting(SegmentationSettings settings, String name) {
		ModelSetting setting = settings().stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Tier model " + code() + " has no setting " + name));
		return settings.model(code()).getOrDefault(name, setting.defaultValue());
	}

	/**
	 * Classifies every customer.
	 * @param facts every customer's facts
	 * @param settings the run's settings; {@link SegmentationSettings#model(String)}
	 * holds this model's own values
	 * @return one class per customer, in the order of {@code facts}
	 */
	ModelResults classify(List<CustomerFacts> facts, SegmentationSettings settings);

	/**
	 * Classifies every customer, knowing the run's date and, when asked for, the CLV
	 * model's results: a model that reads more than the order facts overrides this.
	 * Classifies from the facts alone by default.
	 * @param facts every customer's facts
	 * @param settings the run's settings
	 * @param inputs the run's date and the CLV results asked for
	 * @return one class per customer, in the order of {@code facts}
	 */
	default ModelResults classify(List<CustomerFacts> facts, SegmentationSettings settings, RunInputs inputs) {
		return classify(facts, settings);
	}

	/**
	 * Whether this model, as the tier model under these settings, needs the CLV model's
	 * results of the same run; it then runs after the CLV model instead of beside it.
	 * @param settings the run's settings
	 * @return {@code false} by default
	 */
	default boolean needsClv(SegmentationSettings settings) {
		return false;
	}

	/**
	 * Called in the transaction that publishes a run, after its results are written, with
	 * the results this model returned for it: a model that carries something from run to
	 * run (such as cluster centres) stores it here. Previews never call it, so
	 * {@link #classify} itself writes nothing. Does nothing by default.
	 * @param runId the run being published
	 * @param results what {@link #classify} returned for this run
	 */
	default void published(long runId, ModelResults results) {
	}

}
