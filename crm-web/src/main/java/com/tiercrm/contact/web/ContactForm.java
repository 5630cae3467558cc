package com.tiercrm.contact.web;

import com.tiercrm.contact.Contact;
import com.tiercrm.contact.Contact.ContactDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the page's form and the API's body carry it; {@code version} is the
 * version the user edited, for changes.
 *
 * @param name the person's name
 * @param title the person's title or role
 * @param phone a phone number, as written
 * @param email an email address
 * @param wechat a WeChat ID
 * @param primary whether the person is the customer's primary contact
 * @param version the version edited; none for a new contact
 */
record ContactForm(@NotBlank @Size(max = 100) @Nullable String name, @Size(max = 100) @Nullable String title,
		@Size(max = 40) @Pattern(regexp = "[0-9 +()\\-]*") @Nullable String phone,
		@Email @Size(max = 200) @Nullable String email,
		@Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_\\-]*") @Nullable String wechat, @Nullable Boolean primary,
		@Nullable Long version) {

	static ContactForm empty() {
		return new ContactForm("", "", "", "", "", false, null);
	}

	static ContactForm of(Contact contact) {
		return new ContactForm(contact.getName(), contact.getTitle(), contact.getPhone(), contact.getEmail(),
				contact.getWechat(), contact.isPrimary(), contact.getVersion());
	}

	ContactDetails details() {
		return new ContactDetails(String.valueOf(this.name), this.title, this.phone, this.email, this.wechat,
				Boolean.TRUE.equals(this.primary));
	}

}
