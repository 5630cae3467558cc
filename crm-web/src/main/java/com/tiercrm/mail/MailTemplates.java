package com.tiercrm.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders mail from the templates under {@code templates/mail/}: an HTML part
 * ({@code .html}) and a plain-text part ({@code .txt}), every word from the message
 * bundles in the recipient's language. An engine of its own, so that the pages' engine
 * keeps its one resolver.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine;

	MailTemplates(MessageSource messages) {
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateEngineMessageSource(messages);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
	}

	/**
	 * Both parts of a mail.
	 * @param name the template's name under {@code templates/mail/}, without suffix
	 * @param locale the recipient's language
	 * @param variables what the template shows
	 * @return the plain text and the HTML
	 */
	Parts render(String name, Locale locale, Map<String, Object> variables) {
		Context context = new Context(locale, variables);
		return new Parts(this.engine.process(name + ".txt", context), this.engine.process(name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * A mail's text.
	 *
	 * @param text the plain-text part
	 * @param html the HTML part
	 */
	record Parts(String text, String html) {

	}

}
