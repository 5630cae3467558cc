package com.tiercrm.contact.web;

import java.time.Instant;

import com.tiercrm.contact.Contact;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the API returns it; {@code version} goes back with a change.
 */
record ContactJson(long id, String name, @Nullable String title, @Nullable String phone, @Nullable String email,
		@Nullable String wechat, boolean primary, long version, Instant createdAt, Instant updatedAt) {

	static ContactJson of(Contact contact) {
		return new ContactJson(java.util.Objects.requireNonNull(contact.getId()), contact.getName(), contact.getTitle(),
				contact.getPhone(), contact.getEmail(), contact.getWechat(), contact.isPrimary(), contact.getVersion(),
				contact.getCreatedAt(), contact.getUpdatedAt());
	}

}
