package com.tiercrm;

import java.time.Duration;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep in headless Chromium adds a contact on a customer's page and finds the contact
 * again with the search box of the navigation, in English and in Chinese.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsBrowserTests {

	private static final String PASSWORD = "contacts-browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	private final String prefix = "CB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	private SalesTeam team;

	@BeforeAll
	void createTeamAndCustomers() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.fixture.customer(this.prefix, "-E1", "Northwind Traders Ltd.", this.team.rep());
		this.fixture.customer(this.prefix, "-Z1", "杭州龙井茶业有限公司", this.team.rep());
	}

	@Test
	void repAddsAContactAndFindsItWithTheSearchBox() throws Exception {
		String code = this.prefix + "-E1";
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers/" + code);
			assertThat(browser.find(By.id("no-contacts")).getText()).isEqualTo("No contacts yet.");
			addContact(browser, "Margaret Peacock-" + this.prefix, "Purchasing manager", "+86 21 5555 0101",
					"margaret@example.com", "mpeacock");
			assertThat(browser.find(By.id("contact-message")).getText())
				.isEqualTo("Margaret Peacock-" + this.prefix + " was added.");
			WebElement contact = browser.find(By.cssSelector("#contact-list .contact"));
			assertThat(contact.getText()).contains("Purchasing manager", "+86 21 5555 0101", "margaret@example.com",
					"mpeacock", "Primary");
			browser.screenshot("contacts-added-en");

			search(browser, "peacock-" + this.prefix.toLowerCase());
			assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Search:");
			WebElement hit = browser.find(By.cssSelector("#search-contacts a"));
			assertThat(hit.getText()).isEqualTo("Margaret Peacock-" + this.prefix);
			assertThat(browser.find(By.id("search-contacts")).getText()).contains("Northwind Traders Ltd.");
			browser.screenshot("contacts-search-en");
			click(browser, hit);
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.urlContains("/customers/" + code));
			assertThat(browser.find(By.id("customer-name")).getText()).isEqualTo("Northwind Traders Ltd.");
		}
	}

	@Test
	void repAddsAContactAndFindsItByTwoCharactersInChinese() throws Exception {
		String code = this.prefix + "-Z1";
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers/" + code + "?lang=zh-CN");
			assertThat(browser.find(By.cssSelector("#contacts h2")).getText()).isEqualTo("联系人");
			// Wrong first: the form comes back in Chinese with what was typed.
			addContact(browser, "诸葛秋菊", "采购总监", "0571-8888 6666", "not-an-email", "");
			assertThat(browser.find(By.cssSelector("#contact-form .alert-danger")).getText()).isEqualTo("请修改标出的字段。");
			assertThat(browser.find(By.id("contact-name")).getDomProperty("value")).isEqualTo("诸葛秋菊");
			assertThat(browser.find(By.cssSelector(".invalid-feedback")).getText()).isEqualTo("请输入有效的邮箱地址。");
			browser.screenshot("contacts-invalid-zh");
			WebElement email = browser.find(By.id("contact-email"));
			email.clear();
			email.sendKeys("qiuju@example.cn");
			click(browser, browser.find(By.id("contact-save")));
			assertThat(browser.find(By.id("contact-message")).getText()).isEqualTo("已添加 诸葛秋菊。");
			assertThat(browser.find(By.cssSelector("#contact-list .contact")).getText()).contains("采购总监", "主要联系人");

			search(browser, "秋菊");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("搜索：秋菊");
			assertThat(browser.find(By.cssSelector("#search-contacts a")).getText()).isEqualTo("诸葛秋菊");
			assertThat(browser.find(By.id("search-contacts")).getText()).contains("杭州龙井茶业有限公司");
			browser.screenshot("contacts-search-zh");

			search(browser, "龙井");
			assertThat(browser.find(By.cssSelector("#search-customers a")).getText()).isEqualTo("杭州龙井茶业有限公司");
		}
	}

	private static void addContact(ChromeBrowser browser, String name, String title, String phone, String email,
			String wechat) {
		click(browser, browser.find(By.cssSelector("#contact-add summary")));
		browser.find(By.id("contact-name")).sendKeys(name);
		browser.find(By.id("contact-title")).sendKeys(title);
		browser.find(By.id("contact-phone")).sendKeys(phone);
		browser.find(By.id("contact-email")).sendKeys(email);
		if (!wechat.isEmpty()) {
			browser.find(By.id("contact-wechat")).sendKeys(wechat);
		}
		click(browser, browser.find(By.id("contact-add-save")));
	}

	private static void search(ChromeBrowser browser, String text) {
		WebElement box = browser.find(By.id("global-search-q"));
		box.clear();
		box.sendKeys(text, Keys.ENTER);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
