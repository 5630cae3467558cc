package com.tiercrm.order.web;

import java.time.Clock;

import com.tiercrm.order.OrderStatus;
import com.tiercrm.web.EntryTimes;
import com.tiercrm.web.WebProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the customer page the blank form its orders section records an order with.
 */
@ControllerAdvice(basePackages = "com.tiercrm.customer.web")
class CustomerPageOrderForm {

	private final EntryTimes times;

	// From the settings rather than the EntryTimes bean: advice reaches every web slice
	// test, which need not provide it.
	CustomerPageOrderForm(WebProperties web) {
		this.times = new EntryTimes(web.timeZone(), Clock.systemUTC());
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
