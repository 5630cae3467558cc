package com.tiercrm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS proxy on the local machine (the test client plays the proxy): with
 * {@code X-Forwarded-Proto: https} the session cookie is Secure and HSTS is sent; without
 * it neither; a password sent over plain HTTP from another address is warned about.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@ExtendWith(OutputCaptureExtension.class)
class ForwardedHeadersIntegrationTests {

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void behindATlsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
		HttpResponse<String> viaProxy = send(request("/login").header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.7")
			.build());
		assertThat(viaProxy.statusCode()).isEqualTo(200);
		assertThat(viaProxy.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
		assertThat(viaProxy.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("; Secure"));
	}

	@Test
	void overPlainHttpNeitherSecureCookieNorHsts() throws Exception {
		HttpResponse<String> plain = send(request("/login").build());
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(plain.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=").doesNotContainIgnoringCase("secure"));
	}

	@Test
	void basicOverPlainHttpFromAnotherMachineIsWarnedAbout(CapturedOutput output) throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString("nobody:nothing".getBytes(StandardCharsets.UTF_8));
		send(request("/api/v1/customers").header("Authorization", basic)
			.header("X-Forwarded-For", "198.51.100.23")
			.header("X-Forwarded-Proto", "https")
			.build());
		send(request("/api/v1/customers").header("Authorization", basic).build());
		assertThat(output.getOut()).doesNotContain("over plain HTTP from 198.51.100.23")
			.doesNotContain("over plain HTTP from 127.0.0.1");
		send(request("/api/v1/customers").header("Authorization", basic)
			.header("X-Forwarded-For", "198.51.100.23")
			.build());
		assertThat(output.getOut()).contains("over plain HTTP from 198.51.100.23");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
