package com.tiercrm.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTests {

	@Test
	void formulaLikeTextGetsALeadingQuote() {
		assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"http://evil\",\"x\")"))
			.isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(SpreadsheetText.neutralise("+86 138 0000 0000")).isEqualTo("'+86 138 0000 0000");
		assertThat(SpreadsheetText.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.neutralise("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetText.neutralise("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void ordinaryTextStaysAsItIs() {
		assertThat(SpreadsheetText.neutralise("上海甲乙贸易有限公司")).isEqualTo("上海甲乙贸易有限公司");
		assertThat(SpreadsheetText.neutralise("a=b")).isEqualTo("a=b");
		assertThat(SpreadsheetText.neutralise(" =1")).isEqualTo(" =1");
		assertThat(SpreadsheetText.neutralise("")).isEmpty();
		assertThat(SpreadsheetText.neutralise(null)).isEmpty();
	}

}
