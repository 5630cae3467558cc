package com.tiercrm;

import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail pages in headless Chromium: a rep gives an address and opts in to the daily
 * digest on {@code /account/mail}, in English on a desktop and in Chinese at phone width,
 * and an admin sees both choices on {@code /admin/mail}. The admin's menu, the widest,
 * fits a 1280 px window and a phone's in both languages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailSettingsBrowserTests {

	private static final String PASSWORD = "mail-browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	private final String prefix = "MB" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	@BeforeAll
	void aTeamAndAnAdmin() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
	}

	@Test
	@Order(1)
	void repOptsInToTheDigestInEnglish() throws Exception {
		String email = this.prefix.toLowerCase() + "-rep@example.com";
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.team.rep().getUsername(), PASSWORD);
			browser.open("/account/mail");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mail");
			assertThat(browser.driver().findElements(By.id("monthlyReport"))).as("reports are for managers").isEmpty();

			// Mail without an address is refused at the field.
			click(browser, browser.find(By.id("dailyDigest")));
			click(browser, browser.find(By.id("save-mail")));
			assertThat(browser.find(By.cssSelector("#email + .invalid-feedback")).getText())
				.isEqualTo("Give an e-mail address to receive mail.");

			browser.find(By.id("email")).sendKeys(email);
			new Select(browser.find(By.id("language"))).selectByValue("en");
			click(browser, browser.find(By.id("save-mail")));
			assertThat(browser.find(By.cssSelector("[role=status]")).getText())
				.isEqualTo("Your mail settings are saved.");
			assertThat(browser.find(By.id("email")).getDomProperty("value")).isEqualTo(email);
			assertThat(browser.find(By.id("dailyDigest")).isSelected()).isTrue();
			browser.screenshot("mail-settings-rep");
		}
	}

	@Test
	@Order(2)
	void repOptsInToTheDigestInChineseAtPhoneWidth() throws Exception {
		String email = this.prefix.toLowerCase() + "-rep2@example.com";
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.team.otherRep().getUsername(), PASSWORD);
			browser.open("/account/mail?lang=zh-CN");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("邮件");
			browser.find(By.id("email")).sendKeys(email);
			new Select(browser.find(By.id("language"))).selectByVisibleText("中文");
			click(browser, browser.find(By.id("dailyDigest")));
			click(browser, browser.find(By.id("save-mail")));
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("邮件设置已保存。");
			assertThat(new Select(browser.find(By.id("language"))).getFirstSelectedOption().getDomAttribute("value"))
				.isEqualTo("zh-CN");
			assertThat(browser.find(By.id("dailyDigest")).isSelected()).isTrue();
			Object overflows = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
			assertThat(overflows).as("the page fits the phone's width").isEqualTo(Boolean.FALSE);
			browser.screenshot("mail-settings-rep-zh-phone");
		}
	}

	@Test
	@Order(3)
	void adminSeesWhoChoseWhichMail() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-admin", PASSWORD);
			browser.open("/admin/mail");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Mail subscriptions");
			WebElement rep = browser.find(By.id("mail-" + this.team.rep().getUsername()));
			assertThat(rep.getText()).contains(this.prefix.toLowerCase() + "-rep@example.com", "English", "Yes");
			WebElement otherRep = browser.find(By.id("mail-" + this.team.otherRep().getUsername()));
			assertThat(otherRep.getText()).contains(this.prefix.toLowerCase() + "-rep2@example.com", "中文", "Yes");
			assertThat(browser.driver().findElements(By.id("mail-" + this.team.manager().getUsername())))
				.as("no address, no choice")
				.isEmpty();
			browser.screenshot("mail-admin");

			assertFits(browser, "/admin/mail at 1280 px");
			browser.open("/admin/users");
			assertFits(browser, "/admin/users at 1280 px");

			browser.open("/admin/mail?lang=zh-CN");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("邮件订阅");
			assertThat(browser.find(By.id("mail-" + this.team.otherRep().getUsername())).getText()).contains("是");
			assertFits(browser, "/admin/mail in Chinese at 1280 px");
			browser.screenshot("mail-admin-zh");
			browser.open("/admin/users");
			assertFits(browser, "/admin/users in Chinese at 1280 px");
			browser.open("/admin/mail?lang=en");
		}
	}

	@Test
	@Order(4)
	void theAdminMenuCollapsesAtPhoneWidthInBothLanguages() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-admin", PASSWORD);
			for (String language : new String[] { "en", "zh-CN" }) {
				browser.open("/admin/mail?lang=" + language);
				assertThat(browser.find(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
				assertThat(browser.driver().findElement(By.id("nav-mail")).isDisplayed()).as("collapsed").isFalse();
				assertFits(browser, "/admin/mail (" + language + ") at phone width");
				click(browser, browser.find(By.cssSelector(".navbar-toggler")));
				assertThat(browser.find(By.id("nav-mail")).isDisplayed()).as("opened").isTrue();
				assertFits(browser, "/admin/mail (" + language + ") at phone width, menu open");
			}
			browser.screenshot("mail-admin-zh-phone-menu");
			browser.open("/admin/mail?lang=en");
		}
	}

	/**
	 * Nothing runs off the window's right edge: neither the page nor an item of the menu
	 * (which a navbar that does not wrap pushes out of view).
	 */
	private static void assertFits(ChromeBrowser browser, String page) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
		long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		Object outside = js.executeScript("""
				return Array.from(document.querySelectorAll('nav a, nav button, nav input, nav .navbar-text'))
					.filter((e) => e.offsetParent !== null)
					.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
					.map((e) => (e.id || e.className) + ' ' + Math.round(e.getBoundingClientRect().right))
					.join(', ');""");
		assertThat(scrollWidth).as(page + " is wider than the window: " + outside).isLessThanOrEqualTo(innerWidth);
		assertThat(outside).as(page + ": menu items beyond the window's edge").isEqualTo("");
	}

	/**
	 * Clicks an element scrolled into view, as at phone width it may be below the fold.
	 */
	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				element);
		element.click();
	}

}
