package com.tiercrm.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caption names the table it belongs to, so it sits above it: Bootstrap puts captions
 * under their table, where a stack of tables reads each caption as the next one's
 * heading.
 */
class TableCaptionTests {

	@Test
	void everyCaptionSitsAboveItsTable() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		List<String> below = new ArrayList<>();
		int captions = 0;
		for (Resource template : templates) {
			for (Element caption : Jsoup
				.parse(template.getContentAsString(StandardCharsets.UTF_8), "", Parser.htmlParser())
				.select("table > caption")) {
				captions++;
				Element table = caption.parent();
				if (!table.hasClass("caption-top")) {
					below.add(template.getFilename() + ": " + table.attr("id") + table.attr("th:id"));
				}
			}
		}
		assertThat(captions).isPositive();
		assertThat(below).isEmpty();
	}

}
