package com.tiercrm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} the actuator endpoints move to a port of their own
 * and keep their rules there: health open, metrics only with an admin's credentials.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tiercrm.demo.enabled=false", "management.server.port=0" })
@UsePostgres
class ManagementPortIntegrationTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void theEndpointsMoveToTheManagementPortWithTheirRules() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = get(this.managementPort, "/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(401);
		assertThat(prometheus.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"TierCRM\"");
		// On the application's port it is an ordinary page, behind the login.
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isEqualTo(302);
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
