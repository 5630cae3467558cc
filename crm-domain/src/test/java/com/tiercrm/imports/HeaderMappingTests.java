package com.tiercrm.imports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderMappingTests {

	@Test
	void matchesChineseAndEnglishHeaders() {
		HeaderMapping<CustomerColumn> mapping = HeaderMapping
			.match(List.of("客户编号*", "Customer Name", "手机号", "E-Mail", "备注"), CustomerColumn.class);
		assertThat(mapping.indexes()).containsEntry(CustomerColumn.CODE, 0)
			.containsEntry(CustomerColumn.NAME, 1)
			.containsEntry(CustomerColumn.PHONE, 2)
			.containsEntry(CustomerColumn.EMAIL, 3)
			.hasSize(4);
	}

	@Test
	void refusesAFileWithoutRequiredColumns() {
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> HeaderMapping.match(List.of("code", "phone"), CustomerColumn.class))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("import.file.missingColumns");
				assertThat(ex.argument()).contains("客户名称 / name");
			});
	}

	@Test
	void refusesAColumnGivenTwice() {
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> HeaderMapping.match(List.of("code", "name", "客户名称"), CustomerColumn.class))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.duplicateColumn"));
	}

}
