package com.tiercrm.savedview.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.savedview.DuplicateViewNameException;
import com.tiercrm.savedview.NoTeamToShareWithException;
import com.tiercrm.savedview.SavedView;
import com.tiercrm.savedview.SavedViews;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * {@code /api/v1/saved-views}: the customer list's saved views, as on the list: the
 * caller's own and those shared with the caller's team (members and its manager see
 * them); only the user who saved a view deletes it.
 */
@RestController
@RequestMapping("/api/v1/saved-views")
class SavedViewApiController {

	private final SavedViews views;

	private final MessageSource messages;

	SavedViewApiController(SavedViews views, MessageSource messages) {
		this.views = views;
		this.messages = messages;
	}

	/**
	 * The views the caller may pick, by name.
	 */
	@GetMapping
	List<SavedViewJson> list(@AuthenticationPrincipal CrmUser user) {
		return this.views.visibleTo(user.id()).stream().map((view) -> SavedViewJson.of(view, user.id())).toList();
	}

	/**
	 * Saves a filter and sort of the customer list (its query string, without a cursor)
	 * under a name unique among the caller's views; {@code shared} shows it to the
	 * caller's team.
	 */
	@PostMapping
	ResponseEntity<SavedViewJson> save(@Valid @RequestBody SavedViewForm body, @AuthenticationPrincipal CrmUser user) {
		SavedView view = this.views.save(user.id(), Objects.requireNonNull(body.name()), body.queryOrEmpty(),
				Boolean.TRUE.equals(body.shared()));
		return ResponseEntity.created(URI.create("/api/v1/saved-views/" + view.getId()))
			.body(SavedViewJson.of(view, user.id()));
	}

	/**
	 * Deletes one of the caller's own views: 403 for a view shared by someone else, 404
	 * for one the caller does not see.
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Object> delete(@PathVariable long id, @AuthenticationPrincipal CrmUser user, Locale locale) {
		if (this.views.delete(user.id(), id)) {
			return ResponseEntity.noContent().build();
		}
		boolean seen = this.views.visibleTo(user.id(), id).isPresent();
		HttpStatus status = seen ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
		return ResponseEntity.status(status)
			.body(ProblemDetail.forStatusAndDetail(status,
					this.messages.getMessage(seen ? "views.notYours" : "views.api.notFound", null, locale)));
	}

	@ExceptionHandler(DuplicateViewNameException.class)
	ProblemDetail nameTaken(Locale locale) {
		return problem(HttpStatus.CONFLICT, "name", "views.name.taken", locale);
	}

	@ExceptionHandler(NoTeamToShareWithException.class)
	ProblemDetail noTeam(Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, "shared", "views.noTeam", locale);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		boolean name = ex.getBindingResult().hasFieldErrors("name");
		return problem(HttpStatus.BAD_REQUEST, name ? "name" : "query",
				name ? "views.name.invalid" : "views.query.invalid", locale);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class })
	ProblemDetail unreadable(Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("views.api.unreadable", null, locale));
	}

	private ProblemDetail problem(HttpStatus status, String field, String key, Locale locale) {
		String reason = this.messages.getMessage(key, null, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
		problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
		return problem;
	}

	/**
	 * A saved view.
	 *
	 * @param id the view's id
	 * @param name its name
	 * @param query the customer list's query string it stands for, as
	 * {@code /customers?<query>} and {@code /api/v1/customers?<query>} take it
	 * @param shared whether the team of the user who saved it sees it
	 * @param mine whether the caller saved it (and so may delete it)
	 * @param createdAt when it was saved
	 */
	record SavedViewJson(long id, String name, String query, boolean shared, boolean mine, Instant createdAt) {

		static SavedViewJson of(SavedView view, long userId) {
			return new SavedViewJson(Objects.requireNonNull(view.getId()), view.getName(), view.getFilterQuery(),
					view.isShared(), view.getUserId() == userId, view.getCreatedAt());
		}

	}

}
