package com.tiercrm.tiering.clustertier;

import java.util.function.ToDoubleFunction;

import com.tiercrm.tiering.cluster.NumericVariable;
import com.tiercrm.tiering.model.CustomerFacts;

/**
 * A customer fact the clusters can be made from. Its name is the stem of its message keys
 * ({@code cluster.name.NAME.high}) and of its setting ({@code useNAME}).
 */
enum ClusterVariable {

	/** Days since the last purchase. */
	RECENCY("recency", NumericVariable.Scale.LINEAR, true, (facts) -> facts.recencyDays()),

	/** Purchase days, on a log scale: a few customers buy very often. */
	FREQUENCY("frequency", NumericVariable.Scale.LOG, true, CustomerFacts::purchaseDays),

	/** Revenue to date, net of returns, on a log scale. */
	MONETARY("monetary", NumericVariable.Scale.LOG, true, CustomerFacts::totalRevenue),

	/** Revenue per completed order, on a log scale. */
	AVERAGE_ORDER("averageOrder", NumericVariable.Scale.LOG, true,
			(facts) -> facts.totalRevenue() / facts.completedOrders()),

	/** Days since the first purchase. */
	TENURE("tenure", NumericVariable.Scale.LINEAR, true, CustomerFacts::daysFirstPurchaseToAsOf),

	/**
	 * Gross profit as a share of revenue; missing (imputed with the mean) without
	 * positive revenue. Off by default: margins say more about the products than the
	 * customer.
	 */
	MARGIN("margin", NumericVariable.Scale.LINEAR, false,
			(facts) -> (facts.totalRevenue() > 0) ? facts.totalGrossProfit() / facts.totalRevenue() : Double.NaN);

	private final String variableName;

	private final NumericVariable.Scale scale;

	private final boolean usedByDefault;

	private final ToDoubleFunction<CustomerFacts> value;

	ClusterVariable(String variableName, NumericVariable.Scale scale, boolean usedByDefault,
			ToDoubleFunction<CustomerFacts> value) {
		this.variableName = variableName;
		this.scale = scale;
		this.usedByDefault = usedByDefault;
		this.value = value;
	}

	String variableName() {
		return this.variableName;
	}

	NumericVariable.Scale scale() {
		return this.scale;
	}

	boolean usedByDefault() {
		return this.usedByDefault;
	}

	/** The name of the setting that switches the variable on (1) or off (0). */
	String settingName() {
		return "use" + Character.toUpperCase(this.variableName.charAt(0)) + this.variableName.substring(1);
	}

	/**
	 * The value for a customer who bought.
	 */
	double of(CustomerFacts facts) {
		return this.value.applyAsDouble(facts);
	}

	/** The value in its transformed units (log1p for a log-scale variable). */
	double transformed(double value) {
		if (this.scale == NumericVariable.Scale.LOG) {
			return (value >= 0) ? Math.log1p(value) : -Math.log1p(-value);
		}
		return value;
	}

	static ClusterVariable byName(String name) {
		for (ClusterVariable variable : values()) {
			if (variable.variableName.equals(name)) {
				return variable;
			}
		}
		throw new IllegalArgumentException("No cluster variable " + name);
	}

}
