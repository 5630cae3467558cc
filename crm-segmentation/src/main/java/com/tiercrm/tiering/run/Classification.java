package com.tiercrm.tiering.run;

import java.util.Arrays;
import java.util.List;

import com.tiercrm.tiering.model.Reason;

import org.springframework.modulith.NamedInterface;

/**
 * The results of a {@link TierModel} of one's own: per customer a class, a score and the
 * reason in words (a message key and its arguments). Stored one row per customer in
 * {@code customer_model_results}; the class also becomes the customer's tier when the
 * model is the one in use. Held column-wise, so that a million customers stay cheap.
 */
@NamedInterface("run")
public final class Classification implements ModelResults {

	private static final byte UNSET = -1;

	private final List<String> classes;

	private final byte[] classIndex;

	private final double[] scores;

	private final ReasonColumn reasons;

	/**
	 * Results for a number of customers, none of them classified yet: the model must
	 * {@link #set} every one.
	 * @param model the model whose classes these are
	 * @param size the number of customers
	 */
	public Classification(TierModel model, int size) {
		this.classes = model.classes().stream().map(TierClass::code).toList();
		if (this.classes.isEmpty() || this.classes.size() > Byte.MAX_VALUE) {
			throw new IllegalArgumentException(
					"A model has 1 to 127 classes, " + model.code() + " has " + this.classes.size());
		}
		this.classIndex = new byte[size];
		Arrays.fill(this.classIndex, UNSET);
		this.scores = new double[size];
		Arrays.fill(this.scores, Double.NaN);
		this.reasons = new ReasonColumn(size);
	}

	/**
	 * Puts a customer in a class.
	 * @param i the customer's index in the facts
	 * @param classCode one of the model's classes
	 * @param score the score the class was chosen by, NaN if none
	 * @param reason why, rendered through the message bundles
	 * @throws IllegalArgumentException if the model has no such class
	 */
	public void set(int i, String classCode, double score, Reason reason) {
		int index = this.classes.indexOf(classCode);
		if (index < 0) {
			throw new IllegalArgumentException("Not a class of the model: " + classCode);
		}
		this.classIndex[i] = (byte) index;
		this.scores[i] = score;
		this.reasons.set(i, reason);
	}

	@Override
	public int size() {
		return this.classIndex.length;
	}

	@Override
	public String classCode(int i) {
		if (this.classIndex[i] == UNSET) {
			throw new IllegalStateException("The model left customer " + i + " unclassified");
		}
		return this.classes.get(this.classIndex[i]);
	}

	/**
	 * The customer's score, NaN if the model gave none.
	 * @param i the customer's index in the facts
	 * @return the score
	 */
	public double score(int i) {
		return this.scores[i];
	}

	/** The reason as stored: {@code key|arg|arg…}. */
	String reason(int i) {
		return this.reasons.encode(i);
	}

	double[] scores() {
		return this.scores;
	}

}
