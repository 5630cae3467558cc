package com.tiercrm;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jsoup.Jsoup;

/**
 * A cookie-keeping client of one instance that posts forms with their CSRF token, as a
 * browser would.
 */
final class FormClient {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final int port;

	private String csrf = "";

	FormClient(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		var token = Jsoup.parse(response.body()).selectFirst("input[name=_csrf]");
		if (token != null) {
			this.csrf = token.attr("value");
		}
		return response;
	}

	/** A GET of a download, as bytes. */
	HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form + "&_csrf=" + URLEncoder.encode(this.csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A GET with a personal access token instead of this client's session. */
	HttpResponse<String> getWithBearer(String path, String token) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A POST of JSON with a personal access token. */
	HttpResponse<String> postJsonWithBearer(String path, String json, String token)
			throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A PATCH of JSON (a merge patch) of the version named, with a personal access token.
	 */
	HttpResponse<String> patchJsonWithBearer(String path, String json, String ifMatch, String token)
			throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("If-Match", ifMatch)
			.header("Content-Type", "application/merge-patch+json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
		get("/login");
		return post("/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8));
	}

	/** The value of a cookie this client holds, if any. */
	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
