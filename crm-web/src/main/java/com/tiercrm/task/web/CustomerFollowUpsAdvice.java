package com.tiercrm.task.web;

import java.time.Clock;
import java.time.LocalDate;

import com.tiercrm.security.CrmUser;
import com.tiercrm.task.TaskManagement;
import com.tiercrm.web.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives a customer's page its follow-ups section ({@code tasks/customer.html}), so that
 * the customer pages need not know about tasks. Only the page {@code /customers/{code}}
 * gets it; without the task service (web slices of other pages) the section is left out.
 */
@ControllerAdvice(basePackages = "com.tiercrm.customer.web")
class CustomerFollowUpsAdvice {

	static final String CUSTOMER_PAGE = "/customers/{code}";

	private final ObjectProvider<TaskManagement> tasks;

	private final WebProperties web;

	private final Clock clock = Clock.systemUTC();

	CustomerFollowUpsAdvice(ObjectProvider<TaskManagement> tasks, WebProperties web) {
		this.tasks = tasks;
		this.web = web;
	}

	@ModelAttribute("customerFollowUps")
	@Nullable CustomerFollowUps followUps(HttpServletRequest request, @AuthenticationPrincipal @Nullable CrmUser user) {
		TaskManagement management = this.tasks.getIfAvailable();
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (management == null || user == null || !"GET".equals(request.getMethod())
				|| !CUSTOMER_PAGE.equals(pattern)) {
			return null;
		}
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (!(variables instanceof java.util.Map<?, ?> map) || !(map.get("code") instanceof String code)) {
			return null;
		}
		return new CustomerFollowUps(code, management.forCustomer(code, user.scope()),
				management.assignees(code, user.id(), user.scope()),
				management.defaultAssignee(code, user.id(), user.scope()),
				LocalDate.now(this.clock.withZone(this.web.timeZone())), this.clock.instant());
	}

}
