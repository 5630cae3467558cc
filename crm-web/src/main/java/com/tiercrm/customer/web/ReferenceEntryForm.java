package com.tiercrm.customer.web;

import java.util.Locale;

import com.tiercrm.customer.ReferenceEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The form of an industry or a region. The code is only given for a new entry: customers
 * store it, so it never changes.
 *
 * @param code letters, digits and underscores, stored in upper case
 * @param englishName the name shown in English
 * @param chineseName the name shown in Chinese
 * @param sortOrder where it comes in lists, smallest first
 */
record ReferenceEntryForm(@Nullable @Pattern(regexp = "[A-Za-z0-9_]*") String code,
		@NotBlank @Size(max = 100) @Nullable String englishName,
		@NotBlank @Size(max = 100) @Nullable String chineseName,
		@NotNull @Min(0) @Max(1_000_000) @Nullable Integer sortOrder) {

	static ReferenceEntryForm empty(int sortOrder) {
		return new ReferenceEntryForm("", "", "", sortOrder);
	}

	static ReferenceEntryForm of(ReferenceEntry entry) {
		return new ReferenceEntryForm(entry.code(), entry.englishName(), entry.chineseName(), entry.sortOrder());
	}

	String upperCaseCode() {
		return (this.code != null) ? this.code.strip().toUpperCase(Locale.ROOT) : "";
	}

	ReferenceEntry toEntry(String code) {
		return new ReferenceEntry(code, String.valueOf(this.englishName).strip(),
				String.valueOf(this.chineseName).strip(), (this.sortOrder != null) ? this.sortOrder : 0);
	}

}
