package com.tiercrm.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvFileTests {

	private static final Charset GBK = Charset.forName("GBK");

	@TempDir
	Path directory;

	@Test
	void readsUtf8WithByteOrderMark() throws IOException {
		byte[] text = "客户编号,客户名称\nC1,上海甲乙贸易有限公司\n".getBytes(StandardCharsets.UTF_8);
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		List<List<String>> rows = read(write(concat(bom, text)), null);
		assertThat(rows).containsExactly(List.of("客户编号", "客户名称"), List.of("C1", "上海甲乙贸易有限公司"));
	}

	@Test
	void readsGbkWhenTheFileIsNotUtf8() throws IOException {
		Path file = write("客户编号;客户名称\r\nC1;北京丙丁科技\r\n".getBytes(GBK));
		try (CsvFile csv = CsvFile.open(file, null, 1000)) {
			assertThat(csv.charset()).isEqualTo(TextDecoding.GB18030);
			assertThat(csv.delimiter()).isEqualTo(';');
			assertThat(csv.header()).containsExactly("客户编号", "客户名称");
			assertThat(csv.iterator().next().cells()).containsExactly("C1", "北京丙丁科技");
		}
	}

	@Test
	void honoursAnEncodingChosenByHand() throws IOException {
		Path file = write("code,name\nC1,北京\n".getBytes(GBK));
		assertThat(read(file, GBK).get(1)).containsExactly("C1", "北京");
	}

	@Test
	void detectsTabsAndKeepsQuotedDelimiters() throws IOException {
		Path file = write("code\tname\nC1\t\"A, B; C\"\n".getBytes(StandardCharsets.UTF_8));
		assertThat(read(file, null).get(1)).containsExactly("C1", "A, B; C");
	}

	@Test
	void numbersRowsAsASpreadsheetDoes() throws IOException {
		Path file = write("code,name\nC1,A\nC2,B\n".getBytes(StandardCharsets.UTF_8));
		try (CsvFile csv = CsvFile.open(file, null, 1000)) {
			List<Long> numbers = new ArrayList<>();
			csv.forEach((row) -> numbers.add(row.number()));
			assertThat(numbers).containsExactly(2L, 3L);
		}
	}

	@Test
	void refusesBinaryFiles() throws IOException {
		Path file = write(new byte[] { 'c', 'o', 0, 1, 2, 3, (byte) 0xFF, 0 });
		assertRefused(file, "import.file.binary");
	}

	@Test
	void refusesEmptyFiles() throws IOException {
		assertRefused(write(new byte[0]), "import.file.empty");
	}

	@Test
	void refusesATruncatedFile() throws IOException {
		Path file = write("code,name\nC1,\"unfinished".getBytes(StandardCharsets.UTF_8));
		assertRefused(file, "import.file.truncated");
	}

	@Test
	void refusesOversizedCells() throws IOException {
		Path file = write(("code,name\nC1," + "x".repeat(2000) + "\n").getBytes(StandardCharsets.UTF_8));
		assertRefused(file, "import.file.cellTooLong");
	}

	@Test
	void stopsARunawayQuoteBeforeItFillsTheHeap() throws IOException {
		Path file = write(("code,name\nC1,\"" + "x\n".repeat(600_000)).getBytes(StandardCharsets.UTF_8));
		assertRefused(file, "import.file.cellTooLong");
	}

	private void assertRefused(Path file, String key) {
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(() -> read(file, null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private List<List<String>> read(Path file, Charset charset) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (CsvFile csv = CsvFile.open(file, charset, 1000)) {
			rows.add(csv.header());
			csv.forEach((row) -> rows.add(row.cells()));
		}
		return rows;
	}

	private Path write(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.directory, "import", ".csv"), content);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
