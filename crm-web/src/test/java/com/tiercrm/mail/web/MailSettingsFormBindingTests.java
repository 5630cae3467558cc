package com.tiercrm.mail.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.validation.DataBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers send nothing for an unticked box: the form still binds, and the box counts as
 * not chosen.
 */
class MailSettingsFormBindingTests {

	@Test
	void anUntickedBoxBindsAsNotChosen() {
		DataBinder binder = new DataBinder(null, "mailSettingsForm");
		binder.setTargetType(org.springframework.core.ResolvableType.forClass(MailSettingsForm.class));
		Map<String, Object> values = Map.of("email", "", "language", "en", "dailyDigest", "true");
		binder.construct(new DataBinder.ValueResolver() {
			@Override
			public Object resolveValue(String name, Class<?> type) {
				return values.get(name);
			}

			@Override
			public java.util.Set<String> getNames() {
				return values.keySet();
			}
		});
		assertThat(binder.getBindingResult().getAllErrors()).isEmpty();
		MailSettingsForm form = (MailSettingsForm) binder.getTarget();
		assertThat(form).isNotNull();
		assertThat(form.settings().dailyDigest()).isTrue();
		assertThat(form.settings().monthlyReport()).isFalse();
		assertThat(form.wantsMailWithoutAddress()).isTrue();
	}

}
