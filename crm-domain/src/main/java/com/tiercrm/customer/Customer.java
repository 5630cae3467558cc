package com.tiercrm.customer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A customer of the installation, owned by one sales rep. Orders and interactions refer
 * to it by id.
 */
@Entity
@Table(name = "customers")
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private CustomerType type;

	/** The normalised number that search and matching use. */
	private @Nullable String phone;

	/** The number as it was written, for people to read. */
	private @Nullable String phoneDisplay;

	private @Nullable String email;

	private @Nullable String province;

	private @Nullable String city;

	private @Nullable String region;

	private @Nullable String industry;

	@Enumerated(EnumType.STRING)
	private @Nullable ChannelType channelType;

	private @Nullable String channel;

	private @Nullable String gender;

	private @Nullable String ageBand;

	private @Nullable String incomeBand;

	private @Nullable String occupation;

	private @Nullable Long ownerId;

	/** The customer this one was merged into, when its status is {@code MERGED}. */
	private @Nullable Long mergedIntoId;

	/** The customer who referred this one, if any. */
	private @Nullable Long referredById;

	@Enumerated(EnumType.STRING)
	private CustomerStatus status;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Customer() {
		this("", "", CustomerType.INDIVIDUAL);
	}

	public Customer(String code, String name, CustomerType type) {
		this.code = code;
		this.name = name;
		this.type = type;
		this.status = CustomerStatus.ACTIVE;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	@PrePersist
	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	/** Gives a customer created without a code its generated one. */
	void assignCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public CustomerType getType() {
		return this.type;
	}

	public void setType(CustomerType type) {
		this.type = type;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
		this.phoneDisplay = null;
	}

	/**
	 * Sets the number in its normalised form and as it was written.
	 * @param phone the normalised number
	 * @param display the number as written, or {@code null} when it is the normalised
	 * form
	 */
	public void setPhone(@Nullable String phone, @Nullable String display) {
		this.phone = phone;
		this.phoneDisplay = (display != null && !display.equals(phone)) ? display : null;
	}

	/** The number as it was written, when it differs from the normalised form. */
	public @Nullable String getPhoneDisplay() {
		return this.phoneDisplay;
	}

	/** The number to show: as written, or else the normalised one. */
	public @Nullable String getPhoneShown() {
		return (this.phoneDisplay != null) ? this.phoneDisplay : this.phone;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getProvince() {
		return this.province;
	}

	public @Nullable String getCity() {
		return this.city;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void locate(@Nullable String province, @Nullable String city, @Nullable String region) {
		this.province = province;
		this.city = city;
		this.region = region;
	}

	public @Nullable String getIndustry() {
		return this.industry;
	}

	public void setIndustry(@Nullable String industry) {
		this.industry = industry;
	}

	public @Nullable ChannelType getChannelType() {
		return this.channelType;
	}

	public @Nullable String getChannel() {
		return this.channel;
	}

	public void setChannel(@Nullable ChannelType channelType, @Nullable String channel) {
		this.channelType = channelType;
		this.channel = channel;
	}

	public @Nullable String getGender() {
		return this.gender;
	}

	public @Nullable String getAgeBand() {
		return this.ageBand;
	}

	public @Nullable String getIncomeBand() {
		return this.incomeBand;
	}

	public @Nullable String getOccupation() {
		return this.occupation;
	}

	/**
	 * Sets the segmentation bases of an individual customer.
	 */
	public void describe(@Nullable String gender, @Nullable String ageBand, @Nullable String incomeBand,
			@Nullable String occupation) {
		this.gender = gender;
		this.ageBand = ageBand;
		this.incomeBand = incomeBand;
		this.occupation = occupation;
	}

	public @Nullable Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(@Nullable Long ownerId) {
		this.ownerId = ownerId;
	}

	public CustomerStatus getStatus() {
		return this.status;
	}

	public void setStatus(CustomerStatus status) {
		this.status = status;
	}

	public @Nullable Long getMergedIntoId() {
		return this.mergedIntoId;
	}

	public @Nullable Long getReferredById() {
		return this.referredById;
	}

	public void setReferredById(@Nullable Long referredById) {
		this.referredById = referredById;
	}

	/** Marks this customer as merged into another one, which keeps its records. */
	void mergeInto(long keptId) {
		this.mergedIntoId = keptId;
		this.status = CustomerStatus.MERGED;
	}

	/** The optimistic-locking version, which every change of the customer raises. */
	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
