package com.tiercrm.tiering.clustertier;

import java.util.function.ToDoubleFunction;

import com.tiercrm.tiering.cluster.NumericVariable;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

/**
 * A customer fact the clusters can be made from: a number (standardised, amounts on a log
 * scale) or a category (one-hot encoded). Its name is the stem of its message keys
 * ({@code cluster.name.NAME.high}, {@code cluster.variable.NAME}) and of its setting
 * ({@code useNAME}). The order facts come with every run; the others are read for the
 * clusters only when chosen ({@link ClusterFactsReader}), and P(alive) and the predicted
 * value are the CLV model's results of the same run.
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
			(facts) -> (facts.totalRevenue() > 0) ? facts.totalGrossProfit() / facts.totalRevenue() : Double.NaN),

	/**
	 * The probability that the customer is still buying (BG/NBD, the CLV model's result);
	 * missing where the CLV model used its simple formula.
	 */
	P_ALIVE("pAlive", NumericVariable.Scale.LINEAR, Source.CLV),

	/** The predicted lifetime value (the CLV model's result), on a log scale. */
	PREDICTED_CLV("predictedClv", NumericVariable.Scale.LOG, Source.CLV),

	/** Interactions in the ABC window (all to date without one), on a log scale. */
	INTERACTIONS("interactions", NumericVariable.Scale.LOG, Source.INTERACTIONS),

	/**
	 * The mean satisfaction (1 to 5) of the interactions to date; missing without one.
	 */
	SATISFACTION("satisfaction", NumericVariable.Scale.LINEAR, Source.INTERACTIONS),

	/**
	 * The share of revenue through online channels
	 * ({@code crm.clusters.online-channels}); missing when no completed order names its
	 * channel.
	 */
	ONLINE_SHARE("onlineShare", NumericVariable.Scale.LINEAR, Source.ORDER_CHANNELS),

	/** The age band, a category. */
	AGE_BAND("ageBand", "age_band"),

	/** The gender, a category. */
	GENDER("gender", "gender"),

	/** The income band, a category. */
	INCOME_BAND("incomeBand", "income_band"),

	/** The occupation, a category (the most frequent levels get a column each). */
	OCCUPATION("occupation", "occupation"),

	/** Individual or enterprise. */
	TYPE("type", "type"),

	/** The region's code. */
	REGION("region", "region"),

	/** The industry's code. */
	INDUSTRY("industry", "industry");

	/** Where a variable's values come from. */
	enum Source {

		/** The run's order facts. */
		ORDERS,

		/** The CLV model's results in the same run. */
		CLV,

		/** An aggregate of the interactions. */
		INTERACTIONS,

		/** An aggregate of the completed orders by channel. */
		ORDER_CHANNELS,

		/** A column of the customer. */
		CUSTOMER

	}

	private final String variableName;

	private final NumericVariable.Scale scale;

	private final boolean usedByDefault;

	private final @Nullable ToDoubleFunction<CustomerFacts> value;

	private final Source source;

	private final @Nullable String column;

	ClusterVariable(String variableName, NumericVariable.Scale scale, boolean usedByDefault,
			ToDoubleFunction<CustomerFacts> value) {
		this.variableName = variableName;
		this.scale = scale;
		this.usedByDefault = usedByDefault;
		this.value = value;
		this.source = Source.ORDERS;
		this.column = null;
	}

	ClusterVariable(String variableName, NumericVariable.Scale scale, Source source) {
		this.variableName = variableName;
		this.scale = scale;
		this.usedByDefault = false;
		this.value = null;
		this.source = source;
		this.column = null;
	}

	ClusterVariable(String variableName, String column) {
		this.variableName = variableName;
		this.scale = NumericVariable.Scale.LINEAR;
		this.usedByDefault = false;
		this.value = null;
		this.source = Source.CUSTOMER;
		this.column = column;
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

	Source source() {
		return this.source;
	}

	/** Whether the variable is a category, one-hot encoded. */
	boolean categorical() {
		return this.source == Source.CUSTOMER;
	}

	/** The customers column of a category. */
	String column() {
		if (this.column == null) {
			throw new IllegalStateException(this.variableName + " is not a customer column");
		}
		return this.column;
	}

	/** The name of the setting that switches the variable on (1) or off (0). */
	String settingName() {
		return "use" + Character.toUpperCase(this.variableName.charAt(0)) + this.variableName.substring(1);
	}

	/**
	 * The value of an order fact for a customer who bought.
	 * @throws IllegalStateException for a variable that is not an order fact
	 */
	double of(CustomerFacts facts) {
		if (this.value == null) {
			throw new IllegalStateException(this.variableName + " is not an order fact");
		}
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
