package com.tiercrm.tiering.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
		Map<String, Double> variables = body.variables();
		if (code != null && !code.isBlank()) {
			placement = this.clusters.classifyCustomer(code.strip(), user.scope())
				.orElseThrow(() -> new ClassifyException(HttpStatus.NOT_FOUND, "api.classify.noCustomer", List.of()));
		}
		else if (variables != null && !variables.isEmpty()) {
			List<String> unknown = variables.keySet()
				.stream()
				.filter((name) -> !discriminant.variables().contains(name))
				.toList();
			if (!unknown.isEmpty()) {
				throw new ClassifyException(HttpStatus.BAD_REQUEST, "api.classify.unknownVariables",
						discriminant.variables());
			}
			placement = discriminant.place(variables);
		}
		else {
			throw new ClassifyException(HttpStatus.BAD_REQUEST, "api.classify.empty", discriminant.variables());
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("runId", placement.runId());
		json.put("tier", placement.tier());
		json.put("classCode", placement.classCode());
		json.put("name", this.labels.label(placement.tier(), locale));
		json.put("provisional", placement.provisional());
		json.put("probabilities", placement.probabilities());
		json.put("missingVariables", placement.missingVariables());
		json.put("variables", discriminant.variables());
		json.put("crossValidatedAccuracy", discriminant.accuracy().share());
		json.put("crossValidatedCustomers", discriminant.accuracy().rows());
		return json;
	}

	@ExceptionHandler(ClassifyException.class)
	ResponseEntity<ProblemDetail> problem(ClassifyException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status,
				this.messages.getMessage(ex.messageCode, new Object[] { String.join(", ", ex.variables) }, locale));
		problem.setProperty("code", ex.messageCode);
		if (!ex.variables.isEmpty()) {
			problem.setProperty("variables", ex.variables);
		}
		return ResponseEntity.status(ex.status).body(problem);
	}

	/**
	 * A customer to classify: by code, or by the variables' values in their own units
	 * (days, counts, amounts), by name.
	 */
	record ClassifyBody(@Nullable String customer, @Nullable Map<String, Double> variables) {

	}

	/** Why a classification was refused, as a message code. */
	static final class ClassifyException extends RuntimeException {

		private final HttpStatus status;

		private final String messageCode;

		private final List<String> variables;

		ClassifyException(HttpStatus status, String messageCode, List<String> variables) {
			super(messageCode);
			this.status = status;
			this.messageCode = messageCode;
			this.variables = variables;
		}

	}

}
