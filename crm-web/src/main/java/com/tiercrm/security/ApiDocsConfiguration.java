package com.tiercrm.security;

import java.util.List;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} ({@code /v3/api-docs}, Swagger UI under
 * {@code /swagger-ui/}): the schemes the API accepts, personal access tokens and, where
 * allowed, HTTP Basic; title and descriptions in the reader's language. Each controller's
 * operations are grouped under a short tag ({@code customer}, {@code segmentation} …).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String BEARER = "token";

	static final String BASIC = "basic";

	private static final String CONTROLLER_SUFFIX = "-api-controller";

	@Bean
	OpenAPI tierCrmApi(CrmSecurityProperties properties) {
		Components components = new Components().addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tcrm_…"));
		// A relative server: the document never repeats a Host header it was sent.
		OpenAPI api = new OpenAPI().info(new Info().version("v1"))
			.servers(List.of(new Server().url("/")))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
		if (properties.apiBasicAuth()) {
			components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
			api.addSecurityItem(new SecurityRequirement().addList(BASIC));
		}
		return api;
	}

	@Bean
	OpenApiLocaleCustomizer apiDocsWords(MessageSource messages) {
		return (api, locale) -> {
			api.getInfo()
				.title(messages.getMessage("apiDocs.title", null, locale))
				.description(messages.getMessage("apiDocs.description", null, locale));
			api.getComponents()
				.getSecuritySchemes()
				.forEach((name, scheme) -> scheme.description(
						messages.getMessage(BEARER.equals(name) ? "apiDocs.token" : "apiDocs.basic", null, locale)));
			TreeSet<String> tags = new TreeSet<>();
			if (api.getPaths() != null) {
				api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
					operation.setTags(tags(operation));
					tags.addAll(operation.getTags());
				}));
			}
			api.setTags(tags.stream()
				.map((tag) -> new Tag().name(tag).description(messages.getMessage("apiDocs.tag." + tag, null, locale)))
				.toList());
		};
	}

	/** {@code customer-api-controller} is {@code customer}. */
	private static List<String> tags(Operation operation) {
		List<String> tags = (operation.getTags() != null) ? operation.getTags() : List.of();
		return tags.stream()
			.map((tag) -> tag.endsWith(CONTROLLER_SUFFIX) ? tag.substring(0, tag.length() - CONTROLLER_SUFFIX.length())
					: tag)
			.toList();
	}

}
