package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.model.ClvClass;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvMethod;
import com.tiercrm.tiering.model.ClvResult;
import org.jspecify.annotations.Nullable;

/**
 * Every customer's historical and predicted value, the purchase model's figures, the rank
 * and the class: the CLV columns, with the fit they came from.
 */
final class ClvResults extends WideResults {

	private static final ClvClass[] CLASSES = ClvClass.values();

	private static final ClvMethod[] METHODS = ClvMethod.values();

	final double[] historical;

	final double[] predicted;

	final byte[] method;

	/** NaN where unknown: no purchase, or the simple formula. */
	final double[] probabilityAlive;

	final double[] expectedPurchases;

	final double[] expectedSpend;

	final int[] rank;

	final byte[] clvClass;

	final ReasonColumn reason;

	@Nullable ClvFit fit;

	long fitMillis;

	long scoreMillis;

	ClvResults(int size) {
		this.historical = new double[size];
		this.predicted = new double[size];
		this.method = new byte[size];
		this.probabilityAlive = new double[size];
		this.expectedPurchases = new double[size];
		this.expectedSpend = new double[size];
		this.rank = new int[size];
		this.clvClass = new byte[size];
		this.reason = new ReasonColumn(size);
	}

	void set(ClvResult r, int i) {
		this.historical[i] = r.historicalValue();
		this.predicted[i] = r.predictedValue();
		this.method[i] = (byte) r.method().ordinal();
		this.probabilityAlive[i] = r.probabilityAlive();
		this.expectedPurchases[i] = r.expectedPurchases();
		this.expectedSpend[i] = r.expectedSpend();
		this.rank[i] = r.rank();
		this.clvClass[i] = (byte) r.clvClass().ordinal();
		this.reason.set(i, r.reason());
	}

	@Override
	public int size() {
		return this.clvClass.length;
	}

	@Override
	public String classCode(int i) {
		return CLASSES[this.clvClass[i]].name();
	}

	@Override
	List<ResultColumn> columns() {
		return List.of(ResultColumn.float8("clv_historical", this.historical),
				ResultColumn.float8("clv_predicted", this.predicted),
				ResultColumn.text("clv_method", (i) -> METHODS[this.method[i]].name()),
				ResultColumn.float8OrNull("p_alive", this.probabilityAlive),
				ResultColumn.float8OrNull("expected_purchases", this.expectedPurchases),
				ResultColumn.float8OrNull("expected_spend", this.expectedSpend),
				ResultColumn.int4("clv_rank", this.rank), ResultColumn.text("clv_class", this::classCode),
				ResultColumn.text("clv_reason", this.reason::encode));
	}

}
