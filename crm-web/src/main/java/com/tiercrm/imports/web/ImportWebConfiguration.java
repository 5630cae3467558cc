package com.tiercrm.imports.web;

import com.tiercrm.imports.ImportProperties;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Lets uploads as large as the import limit through (the servlet default is 1 MB); a file
 * just over the limit reaches the import, which refuses it with a clear message.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportWebConfiguration {

	private static final long SLACK = DataSize.ofMegabytes(1).toBytes();

	@Bean
	MultipartConfigElement multipartConfigElement(ImportProperties properties) {
		long limit = properties.maxFileSize().toBytes() + SLACK;
		return new MultipartConfigElement("", limit, limit + SLACK, (int) DataSize.ofMegabytes(1).toBytes());
	}

}
