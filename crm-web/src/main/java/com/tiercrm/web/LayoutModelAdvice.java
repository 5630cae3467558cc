package com.tiercrm.web;

import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Gives the layout the links of the language switch: the current page with another
 * {@code lang}.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("languageLinks")
	LanguageLinks languageLinks(Locale locale) {
		return new LanguageLinks(linkTo("en"), linkTo("zh-CN"), "zh".equals(locale.getLanguage()));
	}

	private static String linkTo(String language) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("lang", language)
			.build()
			.toUriString();
	}

	/**
	 * Where each language's version of this page is, and which one is showing.
	 */
	record LanguageLinks(String english, String chinese, boolean chineseActive) {

	}

}
