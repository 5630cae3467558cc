package com.tiercrm.contact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A person at a customer, such as an enterprise's buyer.
 */
@Entity
@Table(name = "customer_contacts")
public class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long customerId;

	private String name;

	private @Nullable String title;

	private @Nullable String phone;

	private @Nullable String email;

	private @Nullable String wechat;

	@Column(name = "is_primary")
	private boolean primary;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Contact() {
		this(0, "", Instant.EPOCH);
	}

	Contact(long customerId, String name, Instant now) {
		this.customerId = customerId;
		this.name = name;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void apply(ContactDetails details, Instant now) {
		this.name = details.name();
		this.title = details.title();
		this.phone = details.phone();
		this.email = details.email();
		this.wechat = details.wechat();
		this.primary = details.primary();
		this.updatedAt = now;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public long getCustomerId() {
		return this.customerId;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable String getWechat() {
		return this.wechat;
	}

	public boolean isPrimary() {
		return this.primary;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * What a contact holds, as a user entered it: blank values are none.
	 *
	 * @param name the person's name
	 * @param title the person's title or role, such as purchasing manager
	 * @param phone a phone number as written
	 * @param email an email address
	 * @param wechat a WeChat ID
	 * @param primary whether the person is the customer's primary contact
	 */
	public record ContactDetails(String name, @Nullable String title, @Nullable String phone, @Nullable String email,
			@Nullable String wechat, boolean primary) {

		public ContactDetails {
			name = name.strip();
			title = blankToNull(title);
			phone = blankToNull(phone);
			email = blankToNull(email);
			wechat = blankToNull(wechat);
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
