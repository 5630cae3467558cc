package com.tiercrm.ownership.web;

import java.util.List;
import java.util.Map;

import com.tiercrm.account.OwnerOption;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.security.CrmUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives the customer list and a customer's page their {@code ownership} panel; other
 * pages get nothing and cost nothing.
 */
@ControllerAdvice
class OwnershipModelAdvice {

	// Optional: web slice tests of other pages load every advice without the service.
	private final ObjectProvider<CustomerReassignments> reassignments;

	OwnershipModelAdvice(ObjectProvider<CustomerReassignments> reassignments) {
		this.reassignments = reassignments;
	}

	@ModelAttribute("ownership")
	@Nullable OwnershipPanel ownership(HttpServletRequest request, @AuthenticationPrincipal @Nullable CrmUser user) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		CustomerReassignments reassignments = this.reassignments.getIfAvailable();
		if (user == null || reassignments == null || !"GET".equals(request.getMethod())
				|| !("/customers".equals(pattern) || "/customers/{code}".equals(pattern))) {
			return null;
		}
		boolean canReassign = CustomerReassignments.mayReassign(user.scope());
		List<OwnerOption> targets = canReassign ? reassignments.targets(user.scope()) : List.of();
		if ("/customers".equals(pattern)) {
			return new OwnershipPanel(canReassign, targets, List.of());
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String code = (variables != null) ? variables.get("code") : null;
		return new OwnershipPanel(canReassign, targets,
				(code != null) ? reassignments.history(code, user.scope()) : List.of());
	}

}
