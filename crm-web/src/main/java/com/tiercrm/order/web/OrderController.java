package com.tiercrm.order.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.tiercrm.order.CustomerOrders;
import com.tiercrm.order.InvalidOrderException;
import com.tiercrm.order.OrderConflictException;
import com.tiercrm.order.OrderManagement;
import com.tiercrm.order.OrderProblem;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.ScopedOrder;
import com.tiercrm.order.UnknownOrderCustomerException;
import com.tiercrm.order.UnknownOrderException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.run.RunSchedule;
import com.tiercrm.tiering.run.SegmentationProperties;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Records an order or a return from the customer page, and edits or cancels one. A form
 * with errors comes back on a page of its own with the input kept; a saved order returns
 * to the customer page, which says when the customer's figures will count it.
 */
@Controller
class OrderController {

	private static final DateTimeFormatter NEXT_RUN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final OrderManagement orders;

	private final OrderTimes times;

	private final SegmentationProperties segmentation;

	OrderController(OrderManagement orders, OrderTimes times, SegmentationProperties segmentation) {
		this.orders = orders;
		this.times = times;
		this.segmentation = segmentation;
	}

	@PostMapping("/customers/{code}/orders")
	String record(@PathVariable String code, @Valid OrderForm orderForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CustomerOrders customer = this.orders.ofCustomer(code, user.scope(), 1, 1);
		if (!binding.hasErrors()) {
			try {
				ScopedOrder recorded = this.orders.record(orderForm.toInput(customer.customerCode(), this.times),
						user.scope());
				return saved(recorded, "orders.recorded", redirect);
			}
			catch (InvalidOrderException ex) {
				reject(ex, binding);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(customer.customerCode(), customer.customerName(), null, model);
	}

	@GetMapping("/orders/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CrmUser user, Model model) {
		ScopedOrder order = this.orders.find(id, user.scope()).orElseThrow(() -> new UnknownOrderException(id));
		model.addAttribute("orderForm", OrderForm.of(order.order(), this.times));
		return form(order.customerCode(), order.customerName(), order, model);
	}

	@PostMapping("/orders/{id}")
	String change(@PathVariable long id, @Valid OrderForm orderForm, BindingResult binding,
			@AuthenticationPrincipal CrmUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ScopedOrder order = this.orders.find(id, user.scope()).orElseThrow(() -> new UnknownOrderException(id));
		if (!binding.hasErrors()) {
			try {
				ScopedOrder changed = this.orders.change(id, versionOf(orderForm, order),
						orderForm.toInput(order.customerCode(), this.times), user.scope());
				return saved(changed, "orders.changed", redirect);
			}
			catch (InvalidOrderException ex) {
				reject(ex, binding);
			}
			catch (OrderConflictException | ObjectOptimisticLockingFailureException ex) {
				return conflict(id, user, model, response);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(order.customerCode(), order.customerName(), order, model);
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@AuthenticationPrincipal CrmUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			return saved(this.orders.cancel(id, version, user.scope()), "orders.cancelled", redirect);
		}
		catch (OrderConflictException | ObjectOptimisticLockingFailureException ex) {
			ScopedOrder current = this.orders.find(id, user.scope()).orElseThrow(() -> new UnknownOrderException(id));
			model.addAttribute("orderForm", OrderForm.of(current.order(), this.times));
			return conflict(id, user, model, response);
		}
	}

	/**
	 * Someone else saved the order first: the form keeps what this user typed and shows
	 * the order as it now is, with its new version, so that saving again overwrites it
	 * knowingly.
	 */
	private String conflict(long id, CrmUser user, Model model, HttpServletResponse response) {
		ScopedOrder current = this.orders.find(id, user.scope()).orElseThrow(() -> new UnknownOrderException(id));
		OrderForm typed = (OrderForm) model.getAttribute("orderForm");
		if (typed != null) {
			model.addAttribute("orderForm",
					new OrderForm(typed.kind(), typed.orderNo(), typed.orderedAt(), typed.amount(), typed.grossProfit(),
							typed.channel(), typed.status(), current.order().getVersion()));
		}
		model.addAttribute("conflict", current.order());
		response.setStatus(HttpStatus.CONFLICT.value());
		return form(current.customerCode(), current.customerName(), current, model);
	}

	private static long versionOf(OrderForm form, ScopedOrder order) {
		return (form.version() != null) ? form.version() : order.order().getVersion();
	}

	private String form(String customerCode, String customerName, @Nullable ScopedOrder order, Model model) {
		model.addAttribute("customerCode", customerCode);
		model.addAttribute("customerName", customerName);
		model.addAttribute("order", (order != null) ? order.order() : null);
		model.addAttribute("statuses", OrderStatus.values());
		return "orders/form";
	}

	private String saved(ScopedOrder order, String key, RedirectAttributes redirect) {
		redirect.addFlashAttribute("orderMessage", key);
		redirect.addFlashAttribute("orderNumber", order.order().getOrderNo());
		redirect.addFlashAttribute("nextRun",
				RunSchedule.next(this.segmentation, Instant.now()).map(NEXT_RUN::format).orElse(null));
		return "redirect:" + UriComponentsBuilder.fromPath("/customers/{code}")
			.fragment("orders")
			.buildAndExpand(order.customerCode())
			.encode()
			.toUriString();
	}

	private static void reject(InvalidOrderException ex, BindingResult binding) {
		for (OrderProblem problem : ex.problems()) {
			String field = problem.field().equals("customer") ? "orderNo" : problem.field();
			binding.rejectValue(field, problem.code(), problem.arguments().toArray(), null);
		}
	}

	@ExceptionHandler({ UnknownOrderException.class, UnknownOrderCustomerException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
