package com.tiercrm;

import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.TeamRepository;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium: a rep and a manager log in and see their customers, in
 * English and Chinese, on a desktop and at phone width.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIntegrationTests {

	private static final String PASSWORD = "browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private UserRepository users;

	@Autowired
	private TeamRepository teams;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private PasswordEncoder encoder;

	private final String prefix = "BR" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void createUsersAndCustomers() {
		User manager = user("mgr", Role.MANAGER, null);
		Team team = this.teams.save(new Team(this.prefix + " team", manager.getId()));
		User rep = user("rep", Role.SALES_REP, team);
		User otherRep = user("rep2", Role.SALES_REP, team);
		customer("R1", "上海华联贸易有限公司", rep);
		customer("R2", "Emma Zhang", rep);
		customer("O1", "王伟", otherRep);
	}

	@Test
	void repSeesOwnCustomersAndOpensOne() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			String list = browser.find(By.id("customers")).getText();
			assertThat(list).contains("上海华联贸易有限公司", "Emma Zhang").doesNotContain("王伟");
			browser.screenshot("customers-rep");

			browser.driver().findElement(By.linkText(this.prefix + "R1")).click();
			assertThat(browser.find(By.id("customer-name")).getText()).isEqualTo("上海华联贸易有限公司");

			browser.open("/customers/" + this.prefix + "O1");
			assertThat(browser.pageText()).contains("Not found");
			browser.logout();
		}
	}

	@Test
	void managerSeesTheTeamAndSwitchesToChinese() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			assertThat(browser.find(By.id("customers")).getText()).contains("上海华联贸易有限公司", "王伟");
			browser.driver().findElement(By.id("lang-zh")).click();
			assertThat(browser.find(By.id("customers")).getText()).contains("客户编号");
			assertThat(browser.pageText()).contains("退出登录");
			browser.screenshot("customers-manager-zh");
			browser.open("/dashboard");
			assertThat(browser.pageText()).contains("仪表盘");
			browser.driver().findElement(By.id("lang-en")).click();
			assertThat(browser.find(By.id("current-user")).getText()).contains("Manager");
		}
	}

	@Test
	void customerListWorksAtPhoneWidth() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			assertThat(browser.find(By.id("customers")).getText()).contains("Emma Zhang");
			Object overflow = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("customers-phone");
		}
	}

	private User user(String name, Role role, Team team) {
		User user = new User(this.prefix + "-" + name, name, this.encoder.encode(PASSWORD), role);
		user.setTeamId((team != null) ? team.getId() : null);
		return this.users.save(user);
	}

	private void customer(String code, String name, User owner) {
		Customer customer = new Customer(this.prefix + code, name, CustomerType.ENTERPRISE);
		customer.setOwnerId(owner.getId());
		customer.locate("上海", "上海", "EAST");
		this.customers.save(customer);
	}

}
