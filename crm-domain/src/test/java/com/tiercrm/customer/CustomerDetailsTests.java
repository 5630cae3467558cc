package com.tiercrm.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerDetailsTests {

	@Test
	void textIsTrimmedBlankIsNoValueAndEmailIsLowerCased() {
		CustomerDetails details = new CustomerDetails("  李娜 ", CustomerType.INDIVIDUAL, " +86 138-1234-5678 ",
				" Lina@Example.COM ", "", "上海", " ", null, null, null, "F", "25-34", null, " ");
		assertThat(details.name()).isEqualTo("李娜");
		assertThat(details.email()).isEqualTo("lina@example.com");
		assertThat(details.province()).isNull();
		assertThat(details.region()).isNull();
		assertThat(details.occupation()).isNull();
		assertThat(details.phone()).isEqualTo("+86 138-1234-5678");
		assertThat(details.normalisedPhone()).isEqualTo("13812345678");
	}

	@Test
	void enterprisesHaveNoSegmentationBasesOfIndividuals() {
		CustomerDetails details = new CustomerDetails("Acme", CustomerType.ENTERPRISE, null, null, null, null, null,
				null, null, null, "F", "25-34", "HIGH", "TEACHER");
		assertThat(details.gender()).isNull();
		assertThat(details.ageBand()).isNull();
		assertThat(details.incomeBand()).isNull();
		assertThat(details.occupation()).isNull();
	}

	@Test
	void appliedDetailsStoreTheNormalisedPhoneAndShowItAsWritten() {
		Customer customer = new Customer("C1", "old", CustomerType.ENTERPRISE);
		new CustomerDetails("新名字", CustomerType.INDIVIDUAL, "0086 139 0000 0000", null, "广东", "广州", "SOUTH", null,
				ChannelType.ONLINE, "TMALL", "M", "55+", "LOW", "RETIRED")
			.applyTo(customer);
		assertThat(customer.getPhone()).isEqualTo("13900000000");
		assertThat(customer.getPhoneShown()).isEqualTo("0086 139 0000 0000");
		assertThat(CustomerDetails.of(customer, null).values()).containsEntry("ageBand", "55+")
			.containsEntry("city", "广州")
			.containsEntry("channelType", "ONLINE")
			.containsEntry("type", "INDIVIDUAL");
	}

}
