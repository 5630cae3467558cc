package com.tiercrm.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible word goes through the message bundles, and both bundles know every key.
 */
class MessageBundleTests {

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)");

	/** Text that is not a word: punctuation, separators, digits. */
	private static final Pattern NOT_A_WORD = Pattern.compile("[\\s\\p{Punct}·|—–0-9]*");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value",
			"label");

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		Set<String> english = load("messages.properties").stringPropertyNames();
		Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
		assertThat(new TreeSet<>(chinese)).as("keys in zh-CN").containsExactlyElementsOf(new TreeSet<>(english));
	}

	@Test
	void chineseBundleIsTranslated() throws IOException {
		Properties chinese = load("messages_zh_CN.properties");
		assertThat(chinese.getProperty("nav.customers")).isEqualTo("客户");
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> english = load("messages.properties").stringPropertyNames();
		List<String> missing = new ArrayList<>();
		for (Resource template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				if (!english.contains(matcher.group(1))) {
					missing.add(template.getFilename() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Resource template : templates()) {
			Document document = Jsoup.parse(template.getContentAsString(StandardCharsets.UTF_8), "",
					Parser.htmlParser());
			for (Element element : document.getAllElements()) {
				if (element.nameIs("script") || element.nameIs("style")) {
					continue;
				}
				boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext");
				for (TextNode text : element.textNodes()) {
					if (!replaced && !NOT_A_WORD.matcher(text.text()).matches()) {
						literals.add(template.getFilename() + ": \"" + text.text().strip() + "\"");
					}
				}
				for (Attribute attribute : element.attributes()) {
					if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && !element.hasAttr("th:" + attribute.getKey())
							&& !NOT_A_WORD.matcher(attribute.getValue()).matches()) {
						literals.add(template.getFilename() + ": " + attribute.getKey() + "=\"" + attribute.getValue()
								+ "\"");
					}
				}
			}
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void theCheckCatchesLiteralText() {
		Document document = Jsoup.parse("<p>Hello <b th:text=\"#{x}\">ok</b> · 42</p>");
		Element paragraph = document.selectFirst("p");
		assertThat(paragraph.textNodes()).anyMatch((node) -> !NOT_A_WORD.matcher(node.text()).matches());
	}

	private static Resource[] templates() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		return templates;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(MessageBundleTests.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		assertThat(properties).isNotEmpty();
		return properties;
	}

}
