package com.tiercrm.interaction.web;

import java.time.Clock;

import com.tiercrm.interaction.InteractionType;
import com.tiercrm.web.EntryTimes;
import com.tiercrm.web.WebProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the customer page the blank form its contacts section logs a contact with.
 */
@ControllerAdvice(basePackages = "com.tiercrm.customer.web")
class CustomerPageContactForm {

	private final EntryTimes times;

	// From the settings rather than the EntryTimes bean: advice reaches every web slice
	// test, which need not provide it.
	CustomerPageContactForm(WebProperties web) {
		this.times = new EntryTimes(web.timeZone(), Clock.systemUTC());
	}

	@ModelAttribute("contactForm")
	ContactForm contactForm() {
		return ContactForm.now(this.times);
	}

	@ModelAttribute("contactTypes")
	InteractionType[] contactTypes() {
		return InteractionType.values();
	}

}
