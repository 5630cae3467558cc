package com.tiercrm.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TextDecodingTests {

	private static final String LATIN = "code,name,city\nC1,Café Müller,Zürich\nC2,Søren Ærø,Århus\nC3,Crème brûlée SA,Genève\n";

	private static final String CHINESE = "客户编号,客户名称,城市\nC1,上海甲乙贸易有限公司,上海\nC2,张三，李四,深圳\n";

	@TempDir
	Path directory;

	private Charset detect(String text, Charset charset) throws IOException {
		Path file = this.directory.resolve("file.csv");
		Files.write(file, text.getBytes(charset));
		return TextDecoding.detect(file).charset();
	}

	@Test
	void latinTextIsWindows1252NotGb18030() throws IOException {
		assertThat(detect(LATIN, StandardCharsets.ISO_8859_1)).isEqualTo(TextDecoding.WINDOWS_1252);
		assertThat(detect("name\nCafé\n", TextDecoding.WINDOWS_1252)).isEqualTo(TextDecoding.WINDOWS_1252);
	}

	@Test
	void chineseTextIsGb18030() throws IOException {
		assertThat(detect(CHINESE, Charset.forName("GBK"))).isEqualTo(TextDecoding.GB18030);
		assertThat(detect(CHINESE, TextDecoding.GB18030)).isEqualTo(TextDecoding.GB18030);
	}

	@Test
	void validUtf8StaysUtf8() throws IOException {
		assertThat(detect(LATIN, StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(detect(CHINESE, StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void aChineseCharacterCutAtTheEndOfTheSampleIsNoEvidenceAgainstGb18030() {
		byte[] bytes = "客户名称上海".getBytes(TextDecoding.GB18030);
		byte[] cut = Arrays.copyOf(bytes, bytes.length - 1);
		assertThat(TextDecoding.legacy(cut)).isEqualTo(TextDecoding.GB18030);
	}

}
