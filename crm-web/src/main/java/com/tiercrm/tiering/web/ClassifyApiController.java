package com.tiercrm.tiering.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.clustertier.Discriminant;
import com.tiercrm.tiering.clustertier.ProvisionalClusters;
import com.tiercrm.tiering.list.TierLabels;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/segmentation/classify}: which of the published run's clusters a
 * customer belongs in. A customer named by code (within the caller's scope) keeps the
 * cluster the run gave them; one who came in since, or one described by the variables'
 * values, is placed by the discriminant trained on the run's clusters, provisionally.
 */
@RestController
@RequestMapping("/api/v1/segmentation")
class ClassifyApiController {

	private final ProvisionalClusters clusters;

	private final TierLabels labels;

	private final MessageSource messages;

	ClassifyApiController(ProvisionalClusters clusters, TierLabels labels, MessageSource messages) {
		this.clusters = clusters;
		this.labels = labels;
		this.messages = messages;
	}

	@PostMapping("/classify")
	Map<String, Object> classify(@RequestBody ClassifyBody body, @AuthenticationPrincipal CrmUser user, Locale locale) {
		Discriminant discriminant = this.clusters.published()
			.orElseThrow(() -> new ClassifyException(HttpStatus.CONFLICT, "api.classify.noClusters", List.of()));
		Discriminant.Placement placement;
		String code = body.customer();
		Map<String, Object> variables = body.variables();
		if (code != null && !code.isBlank()) {
			placement = this.clusters.classifyCustomer(code.strip(), user.scope())
				.orElseThrow(() -> new ClassifyException(HttpStatus.NOT_FOUND, "api.classify.noCustomer", List.of()));
		}
		else if (variables != null && !variables.isEmpty()) {
			placement = place(discriminant, variables);
		}
		else {
			throw new ClassifyException(HttpStatus.BAD_REQUEST, "api.classify.empty", discriminant.variableNames());
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("runId", placement.runId());
		json.put("tier", placement.tier());
		json.put("classCode", placement.classCode());
		json.put("name", this.labels.label(placement.tier(), locale));
		json.put("provisional", placement.provisional());
		json.put("probabilities", placement.probabilities());
		json.put("missingVariables", placement.missingVariables());
		json.put("variables", discriminant.variableNames());
		json.put("categories", discriminant.levels());
		json.put("crossValidatedAccuracy", discriminant.accuracy().share());
		json.put("crossValidatedCustomers", discriminant.accuracy().rows());
		return json;
	}

	/**
	 * Places a customer described by values: numbers for the numeric variables, levels
	 * (strings) for the categorical ones; an unknown variable, a number for a category or
	 * a level the run made no column for is refused with what is allowed.
	 */
	private static Discriminant.Placement place(Discriminant discriminant, Map<String, Object> variables) {
		List<String> unknown = variables.keySet()
			.stream()
			.filter((name) -> !discriminant.variableNames().contains(name))
			.toList();
		if (!unknown.isEmpty()) {
			throw new ClassifyException(HttpStatus.BAD_REQUEST, "api.classify.unknownVariables",
					discriminant.variableNames());
		}
		Map<String, List<String>> levels = discriminant.levels();
		Map<String, Double> numbers = new LinkedHashMap<>();
		Map<String, String> categories = new LinkedHashMap<>();
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			String name = variable.getKey();
			Object value = variable.getValue();
			List<String> allowed = levels.get(name);
			if (value == null) {
				continue;
			}
			if (allowed != null) {
				if (!(value instanceof String level) || !allowed.contains(level.strip())) {
					throw new ClassifyException(HttpStatus.BAD_REQUEST, "api.classify.unknownCategory", allowed, name);
				}
				categories.put(name, ((String) value).strip());
			}
			else if (value instanceof Number number) {
				numbers.put(name, number.doubleValue());
			}
			else {
				throw new ClassifyException(HttpStatus.BAD_REQUEST, "api.classify.notNumber", List.of(), name);
			}
		}
		return discriminant.place(numbers, categories);
	}

	@ExceptionHandler(ClassifyException.class)
	ResponseEntity<ProblemDetail> problem(ClassifyException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status, this.messages.getMessage(ex.messageCode,
				new Object[] { String.join(", ", ex.variables), Objects.requireNonNullElse(ex.variable, "") }, locale));
		problem.setProperty("code", ex.messageCode);
		if (ex.variable != null) {
			problem.setProperty("variable", ex.variable);
			if (!ex.variables.isEmpty()) {
				problem.setProperty("allowed", ex.variables);
			}
		}
		else if (!ex.variables.isEmpty()) {
			problem.setProperty("variables", ex.variables);
		}
		return ResponseEntity.status(ex.status).body(problem);
	}

	/**
	 * A customer to classify: by code, or by the variables' values by name: numbers in
	 * their own units (days, counts, amounts, shares), a level for a category (such as
	 * {@code "region": "EAST"}).
	 */
	record ClassifyBody(@Nullable String customer, @Nullable Map<String, @Nullable Object> variables) {

	}

	/** Why a classification was refused, as a message code. */
	static final class ClassifyException extends RuntimeException {

		private final HttpStatus status;

		private final String messageCode;

		/** The variables allowed, or the levels allowed for {@link #variable}. */
		private final List<String> variables;

		/** The variable refused, for a value refused. */
		private final @Nullable String variable;

		ClassifyException(HttpStatus status, String messageCode, List<String> variables) {
			this(status, messageCode, variables, null);
		}

		ClassifyException(HttpStatus status, String messageCode, List<String> variables, @Nullable String variable) {
			super(messageCode);
			this.status = status;
			this.messageCode = messageCode;
			this.variables = variables;
			this.variable = variable;
		}

	}

}
