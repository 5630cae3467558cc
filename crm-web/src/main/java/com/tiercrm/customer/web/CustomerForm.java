package com.tiercrm.customer.web;

import java.util.Objects;

import com.tiercrm.customer.ChannelType;
import com.tiercrm.customer.CustomerDetails;
import com.tiercrm.customer.CustomerType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The form of a new customer or of a customer's edit. The code is only given for a new
 * customer (blank for a generated one); the version is the one the edit started from.
 *
 * @param code the new customer's code, blank for a generated one
 * @param name the customer's name
 * @param type enterprise or individual
 * @param phone the number as written
 * @param email the e-mail address
 * @param province the province
 * @param city the city
 * @param region a region's code
 * @param industry an industry's code
 * @param channelType online or offline
 * @param channel the acquisition channel
 * @param gender an individual's gender
 * @param ageBand an individual's age band
 * @param incomeBand an individual's income band
 * @param occupation an individual's occupation
 * @param referredBy the code of the customer who referred this one
 * @param version the version edited
 * @param allowDuplicate whether the user confirmed creating a likely duplicate
 */
record CustomerForm(@Nullable @Size(max = 64) String code, @NotBlank @Size(max = 200) @Nullable String name,
		@NotNull @Nullable CustomerType type, @Nullable @Size(max = 40) String phone,
		@Nullable @Size(max = 200) String email, @Nullable @Size(max = 50) String province,
		@Nullable @Size(max = 50) String city, @Nullable String region, @Nullable String industry,
		@Nullable ChannelType channelType, @Nullable @Size(max = 50) String channel, @Nullable String gender,
		@Nullable String ageBand, @Nullable String incomeBand, @Nullable @Size(max = 50) String occupation,
		@Nullable @Size(max = 64) String referredBy, @Nullable Long version, @Nullable Boolean allowDuplicate) {

	static CustomerForm empty() {
		return new CustomerForm("", "", CustomerType.INDIVIDUAL, "", "", "", "", "", "", null, "", "", "", "", "", "",
				null, false);
	}

	static CustomerForm of(CustomerDetails d, long version) {
		return new CustomerForm(null, d.name(), d.type(), d.phone(), d.email(), d.province(), d.city(), d.region(),
				d.industry(), d.channelType(), d.channel(), d.gender(), d.ageBand(), d.incomeBand(), d.occupation(),
				d.referredBy(), version, false);
	}

	/** The same input, at another version: after a conflict, saving again overwrites. */
	CustomerForm atVersion(long newVersion) {
		return new CustomerForm(this.code, this.name, this.type, this.phone, this.email, this.province, this.city,
				this.region, this.industry, this.channelType, this.channel, this.gender, this.ageBand, this.incomeBand,
				this.occupation, this.referredBy, newVersion, this.allowDuplicate);
	}

	boolean duplicateAllowed() {
		return Boolean.TRUE.equals(this.allowDuplicate);
	}

	CustomerDetails toDetails() {
		return new CustomerDetails(Objects.requireNonNullElse(this.name, ""),
				(this.type != null) ? this.type : CustomerType.INDIVIDUAL, this.phone, this.email, this.province,
				this.city, this.region, this.industry, this.channelType, this.channel, this.gender, this.ageBand,
				this.incomeBand, this.occupation, this.referredBy);
	}

}
