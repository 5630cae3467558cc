package com.tiercrm.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives the layout the links of the language switch: the current page with another
 * {@code lang}.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("languageLinks")
	LanguageLinks languageLinks(Locale locale, HttpServletRequest request) {
		return new LanguageLinks(linkTo(request, "en"), linkTo(request, "zh-CN"), "zh".equals(locale.getLanguage()));
	}

	/**
	 * The current path and query with another {@code lang}: relative to the host, never
	 * built from the {@code Host} header, which the client chooses.
	 */
	static String linkTo(HttpServletRequest request, String language) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
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
