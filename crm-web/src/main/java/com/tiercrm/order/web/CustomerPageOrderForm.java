package com.tiercrm.order.web;

import com.tiercrm.order.OrderStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the customer page the blank form its orders section records an order with.
 */
@ControllerAdvice(basePackages = "com.tiercrm.customer.web")
class CustomerPageOrderForm {

	private final OrderTimes times;

	// The zone rather than the OrderTimes bean: advice reaches every web slice test,
	// which need not provide it.
	CustomerPageOrderForm(@Value(OrderTimes.ZONE) String zone) {
		this.times = new OrderTimes(zone);
	}

	@ModelAttribute("orderForm")
	OrderForm orderForm() {
		return OrderForm.blank(this.times);
	}

	@ModelAttribute("orderStatuses")
	OrderStatus[] orderStatuses() {
		return OrderStatus.values();
	}

}
