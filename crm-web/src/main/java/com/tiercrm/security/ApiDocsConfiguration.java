package com.tiercrm.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiLocaleCustomizer;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} ({@code /v3/api-docs}, Swagger UI under
 * {@code /swagger-ui/}): the schemes the API accepts, personal access tokens and, where
 * allowed, HTTP Basic; title and descriptions in the reader's language.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String BEARER = "token";

	static final String BASIC = "basic";

	@Bean
	OpenAPI tierCrmApi(CrmSecurityProperties properties) {
		Components components = new Components().addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tcrm_…"));
		OpenAPI api = new OpenAPI().info(new Info().version("v1"))
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
		};
	}

}
