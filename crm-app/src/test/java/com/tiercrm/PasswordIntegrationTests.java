package com.tiercrm;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.testing.UsePostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the whole application against PostgreSQL: a password set by an admin must be changed
 * at the next sign-in before any other page opens; failed attempts are told at the next
 * sign-in; the lock message is in the user's language.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
class PasswordIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserRepository users;

	private final String prefix = "PW" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void aPasswordSetByAnAdminMustBeChangedAtTheNextSignIn() throws Exception {
		User rep = this.fixture.user(this.prefix, "rep", Role.SALES_REP, null, "initial passphrase");
		this.accounts.resetPassword(rep.getId(), "chosen by the admin");
		Browser browser = new Browser();
		browser.login(rep.getUsername(), "chosen by the admin");
		HttpResponse<String> dashboard = browser.get("/dashboard");
		assertThat(dashboard.statusCode()).isEqualTo(302);
		assertThat(dashboard.headers().firstValue("Location")).hasValue(url("/account/password"));
		HttpResponse<String> changePage = browser.get("/account/password");
		assertThat(changePage.body()).contains("password-change-required");

		HttpResponse<String> weak = browser.post("/account/password",
				"currentPassword=chosen+by+the+admin&password=qwertyqwerty&passwordConfirmation=qwertyqwerty");
		assertThat(weak.statusCode()).isEqualTo(200);
		assertThat(weak.body()).contains("one of the most common passwords");
		HttpResponse<String> changed = browser.post("/account/password",
				"currentPassword=chosen+by+the+admin&password=my+own+passphrase&passwordConfirmation=my+own+passphrase");
		assertThat(changed.headers().firstValue("Location")).hasValue(url("/account/password"));
		assertThat(browser.get("/account/password").body()).contains("Your password has been changed.")
			.doesNotContain("password-change-required");
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(this.users.findById(rep.getId()))
			.hasValueSatisfying((user) -> assertThat(user.isPasswordChangeRequired()).isFalse());

		assertThat(new Browser().login(rep.getUsername(), "my own passphrase").headers().firstValue("Location"))
			.hasValue(url("/"));
	}

	@Test
	void aChangeRequiredWhileSignedInHoldsForTheOpenSessionAndForBasicApiCalls() throws Exception {
		User rep = this.fixture.user(this.prefix, "open", Role.SALES_REP, null, "initial passphrase");
		Browser browser = new Browser();
		browser.login(rep.getUsername(), "initial passphrase");
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(basic("/api/v1/customers", rep.getUsername(), "initial passphrase", "en").statusCode())
			.isEqualTo(200);

		this.accounts.requirePasswordChange(rep.getId());

		HttpResponse<String> dashboard = browser.get("/dashboard");
		assertThat(dashboard.statusCode()).isEqualTo(302);
		assertThat(dashboard.headers().firstValue("Location")).hasValue(url("/account/password"));
		assertThat(browser.get("/customers").headers().firstValue("Location")).hasValue(url("/account/password"));
		assertThat(browser.get("/account/password").body()).contains("password-change-required");
		assertThat(browser.get("/webjars/bootstrap/css/bootstrap.min.css").statusCode()).isEqualTo(200);
		HttpResponse<String> api = basic("/api/v1/customers", rep.getUsername(), "initial passphrase", "zh-CN");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("管理员要求您设置新密码");
		assertThat(basic("/api/v1/customers", rep.getUsername(), "initial passphrase", "en").body())
			.contains("An administrator requires you to choose a new password");

		browser.post("/account/password",
				"currentPassword=initial+passphrase&password=my+own+passphrase&passwordConfirmation=my+own+passphrase");
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(basic("/api/v1/customers", rep.getUsername(), "my own passphrase", "en").statusCode())
			.isEqualTo(200);
	}

	private HttpResponse<String> basic(String path, String username, String password, String language)
			throws IOException, InterruptedException {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Authorization", "Basic " + credentials)
				.header("Accept-Language", language)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void failedAttemptsAreToldAtTheNextSignIn() throws Exception {
		User rep = this.fixture.user(this.prefix, "told", Role.SALES_REP, null, "the right passphrase");
		for (int i = 0; i < 3; i++) {
			assertThat(new Browser().login(rep.getUsername(), "wrong " + i).headers().firstValue("Location"))
				.hasValue(url("/login?error"));
		}
		Browser browser = new Browser();
		browser.login(rep.getUsername(), "the right passphrase");
		assertThat(browser.get("/dashboard").body()).contains("There were 3 failed sign-in attempts");
		assertThat(browser.get("/dashboard").body()).doesNotContain("failed sign-in attempts");
	}

	@Test
	void theLockMessageIsInTheUsersLanguage() throws Exception {
		assertThat(new Browser("zh-CN").get("/login?locked=15").body()).contains("登录已锁定 15 分钟");
		assertThat(new Browser("en").get("/login?wait=8").body()).contains("Wait 8 seconds");
	}

	@Test
	void theLoginPageShowsNoTextFromTheAddressBar() throws Exception {
		String body = new Browser("en").get("/login?locked=5%20minutes.%20Call%20555-0100%20to%20unlock").body();
		assertThat(body).doesNotContain("555-0100").doesNotContain("id=\"login-locked\"");
		assertThat(new Browser("en").get("/login?wait=soon").body()).doesNotContain("id=\"login-wait\"");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * A cookie-keeping client that posts forms with their CSRF token.
	 */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String language;

		private String csrf = "";

		Browser() {
			this("en");
		}

		Browser(String language) {
			this.language = language;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", this.language).build(),
					HttpResponse.BodyHandlers.ofString());
			var token = Jsoup.parse(response.body()).selectFirst("input[name=_csrf]");
			if (token != null) {
				this.csrf = token.attr("value");
			}
			return response;
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept-Language", this.language)
				.POST(HttpRequest.BodyPublishers
					.ofString(form + "&_csrf=" + URLEncoder.encode(this.csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
			get("/login");
			return post("/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8));
		}

	}

}
