package com.tiercrm.task.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.interaction.UnknownCustomerException;
import com.tiercrm.security.CrmUser;
import com.tiercrm.task.InvalidAssigneeException;
import com.tiercrm.task.TaskConflictException;
import com.tiercrm.task.TaskList;
import com.tiercrm.task.TaskManagement;
import com.tiercrm.task.TaskView;
import com.tiercrm.task.UnknownTaskException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * {@code /api/v1/tasks}: the caller's follow-ups, planning, changing and completing them,
 * within the caller's scope (a task on a customer the caller may not see is a 404).
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Validated
class TaskApiController {

	private final TaskManagement tasks;

	private final MessageSource messages;

	TaskApiController(TaskManagement tasks, MessageSource messages) {
		this.tasks = tasks;
		this.messages = messages;
	}

	/**
	 * The caller's own tasks: open ones by due time, done ones latest first.
	 * @param dueBefore only tasks due before this instant (ISO-8601)
	 * @param done only done ({@code true}) or open ({@code false}) tasks
	 * @param limit the most to return, 1 to 500
	 */
	@GetMapping
	TaskListJson list(@RequestParam(required = false) @Nullable Instant dueBefore,
			@RequestParam(required = false) @Nullable Boolean done,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, @AuthenticationPrincipal CrmUser user) {
		TaskList list = this.tasks.assignedTo(user.id(), user.scope(), dueBefore, done, limit);
		return new TaskListJson(list.items().stream().map(TaskJson::of).toList(), list.total());
	}

	@GetMapping("/{id}")
	TaskJson show(@PathVariable long id, @AuthenticationPrincipal CrmUser user) {
		return TaskJson.of(this.tasks.find(id, user.scope()));
	}

	/**
	 * Plans a follow-up; without {@code assigneeId}, for the customer's owner if they may
	 * be given it, else for the caller.
	 */
	@PostMapping
	ResponseEntity<TaskJson> create(@Valid @RequestBody TaskPost body, @AuthenticationPrincipal CrmUser user) {
		TaskView task = this.tasks.create(Objects.requireNonNull(body.customer()), body.assigneeId(),
				Objects.requireNonNull(body.dueAt()), body.note(), user.id(), user.scope());
		return ResponseEntity.status(HttpStatus.CREATED).body(TaskJson.of(task));
	}

	/**
	 * Changes a task from the {@code version} the caller read; a task changed since is a
	 * 409 with the task as it is now.
	 */
	@PutMapping("/{id}")
	TaskJson update(@PathVariable long id, @Valid @RequestBody TaskPut body, @AuthenticationPrincipal CrmUser user) {
		return TaskJson.of(this.tasks.update(id, Objects.requireNonNull(body.version()), body.assigneeId(),
				Objects.requireNonNull(body.dueAt()), body.note(), user.id(), user.scope()));
	}

	/**
	 * Marks a task done; a task already done stays as it was.
	 */
	@PostMapping("/{id}/done")
	TaskJson complete(@PathVariable long id, @AuthenticationPrincipal CrmUser user) {
		return TaskJson.of(this.tasks.complete(id, user.id(), user.scope()));
	}

	@ExceptionHandler({ UnknownTaskException.class, UnknownCustomerException.class })
	ProblemDetail notFound(RuntimeException ex, Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				this.messages.getMessage("task.api.notFound", null, locale));
	}

	@ExceptionHandler(TaskConflictException.class)
	ProblemDetail conflict(TaskConflictException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage("task.api.conflict", null, locale));
		problem.setProperty("current", TaskJson.of(ex.current()));
		return problem;
	}

	@ExceptionHandler(InvalidAssigneeException.class)
	ProblemDetail invalidAssignee(InvalidAssigneeException ex, Locale locale) {
		String reason = this.messages.getMessage("task.assignee.invalid", null, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
		problem.setProperty("errors", List.of(Map.of("field", "assigneeId", "reason", reason)));
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("task.api.invalid", null, locale));
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", this.messages.getMessage(error, locale)))
			.toList());
		return problem;
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
			HttpMessageNotReadableException.class })
	ProblemDetail unreadable(Exception ex, Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("task.api.unreadable", null, locale));
	}

	/**
	 * A new follow-up.
	 *
	 * @param customer the customer's code
	 * @param assigneeId who is to do it, optional
	 * @param dueAt when it is due (ISO-8601 instant)
	 * @param note what to do, optional
	 */
	record TaskPost(@NotBlank @Size(max = 64) @Nullable String customer, @Nullable Long assigneeId,
			@NotNull @Nullable Instant dueAt, @Size(max = 2000) @Nullable String note) {

	}

	/**
	 * A follow-up changed.
	 *
	 * @param assigneeId who is to do it; absent to keep
	 * @param dueAt when it is due (ISO-8601 instant)
	 * @param note what to do; absent or blank for nothing
	 * @param version the version the change is based on, as read
	 */
	record TaskPut(@Nullable Long assigneeId, @NotNull @Nullable Instant dueAt, @Size(max = 2000) @Nullable String note,
			@NotNull @Nullable Long version) {

	}

	/**
	 * A follow-up as the API returns it.
	 */
	record TaskJson(long id, String customer, String customerName, long assigneeId, String assigneeName, Instant dueAt,
			@Nullable String note, boolean done, @Nullable Instant doneAt, @Nullable String doneBy, Instant createdAt,
			long version) {

		static TaskJson of(TaskView task) {
			return new TaskJson(task.id(), task.customerCode(), task.customerName(), task.assigneeId(),
					task.assigneeName(), task.dueAt(), task.note(), task.done(), task.doneAt(), task.doneByName(),
					task.createdAt(), task.version());
		}

	}

	/**
	 * A list of tasks and how many match.
	 */
	record TaskListJson(List<TaskJson> items, long total) {

	}

}
