package com.tiercrm.contact.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.contact.ContactConflictException;
import com.tiercrm.contact.ContactNotFoundException;
import com.tiercrm.contact.Contacts;
import com.tiercrm.security.CrmUser;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers/{code}/contacts}: a customer's contacts, within the caller's
 * scope; another rep's customer is a 404 like a customer that does not exist.
 */
@RestController
@RequestMapping("/api/v1/customers/{code}/contacts")
class ContactApiController {

	private final Contacts contacts;

	private final MessageSource messages;

	ContactApiController(Contacts contacts, MessageSource messages) {
		this.contacts = contacts;
		this.messages = messages;
	}

	/** The customer's contacts, primary first, then by name. */
	@GetMapping
	List<ContactJson> list(@PathVariable String code, @AuthenticationPrincipal CrmUser user) {
		return this.contacts.list(code, user.scope()).stream().map(ContactJson::of).toList();
	}

	@GetMapping("/{id}")
	ContactJson show(@PathVariable String code, @PathVariable long id, @AuthenticationPrincipal CrmUser user) {
		return ContactJson.of(this.contacts.find(code, id, user.scope()));
	}

	/**
	 * Adds a contact; a customer's first contact is its primary one, and a new primary
	 * contact takes the mark from the others.
	 */
	@PostMapping
	ResponseEntity<ContactJson> add(@PathVariable String code, @Valid @RequestBody ContactForm body,
			@AuthenticationPrincipal CrmUser user) {
		ContactJson added = ContactJson.of(this.contacts.add(code, body.details(), user.scope()));
		return ResponseEntity.created(URI.create("/api/v1/customers/" + code + "/contacts/" + added.id())).body(added);
	}

	/**
	 * Changes a contact: send every field, with the {@code version} you read; a 409 with
	 * the contact as it is now says someone else changed it first.
	 */
	@PutMapping("/{id}")
	ContactJson update(@PathVariable String code, @PathVariable long id, @Valid @RequestBody ContactForm body,
			@AuthenticationPrincipal CrmUser user) {
		long version = (body.version() != null) ? body.version()
				: this.contacts.find(code, id, user.scope()).getVersion();
		return ContactJson.of(this.contacts.update(code, id, version, body.details(), user.scope()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable String code, @PathVariable long id,
			@AuthenticationPrincipal CrmUser user) {
		this.contacts.remove(code, id, user.scope());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ContactNotFoundException.class)
	ProblemDetail notFound(ContactNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ContactConflictException.class)
	ProblemDetail conflict(ContactConflictException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage("contact.conflict", null, locale));
		if (ex.current() != null) {
			problem.setProperty("current", ContactJson.of(ex.current()));
		}
		return problem;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail conflict(Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage("contact.conflict", null, locale));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("contact.invalid", null, locale));
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", this.messages.getMessage(error, locale)))
			.toList());
		return problem;
	}

}
