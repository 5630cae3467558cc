package com.tiercrm.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XlsxFileTests {

	private static final ImportProperties PROPERTIES = new ImportProperties(DataSize.ofMegabytes(1), 1000, 100, null,
			ZoneId.of("Asia/Shanghai"), true, LocalDate.of(1970, 1, 1), Duration.ofDays(1));

	@TempDir
	Path directory;

	@Test
	void readsTheFirstSheetWithChineseTextNumbersAndDates() throws IOException {
		Path file = this.directory.resolve("customers.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("客户");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("客户编号");
			header.createCell(1).setCellValue("客户名称");
			header.createCell(2).setCellValue("电话");
			header.createCell(3).setCellValue("下单时间");
			header.createCell(4).setCellValue("金额");
			sheet.createRow(1);
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue("C1");
			row.createCell(1).setCellValue("上海甲乙贸易有限公司");
			row.createCell(2).setCellValue(13812345678d);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			row.createCell(3).setCellValue(LocalDateTime.of(2024, 1, 5, 14, 30));
			row.getCell(3).setCellStyle(date);
			// Quantity times unit price, as Excel computes it: 2042.7599999999998.
			row.createCell(4).setCellValue(12 * 170.23);
			workbook.write(out);
		}
		try (ImportFile xlsx = ImportFile.open(file, null, PROPERTIES)) {
			assertThat(xlsx.encoding()).isEqualTo("XLSX");
			assertThat(xlsx.header()).containsExactly("客户编号", "客户名称", "电话", "下单时间", "金额");
			List<ImportFile.Row> rows = new ArrayList<>();
			xlsx.forEach(rows::add);
			assertThat(rows).containsExactly(new ImportFile.Row(3,
					List.of("C1", "上海甲乙贸易有限公司", "13812345678", "2024-01-05 14:30:00", "2042.76")));
		}
	}

	@Test
	void refusesAZipBomb() throws IOException {
		Path file = this.directory.resolve("bomb.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 30; i++) {
				zip.write(spaces);
			}
			zip.closeEntry();
		}
		assertThat(Files.size(file)).isLessThan(DataSize.ofMegabytes(1).toBytes());
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(() -> ImportFile.open(file, null, PROPERTIES))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.zipBomb"));
	}

	@Test
	void refusesABrokenSpreadsheet() throws IOException {
		Path file = Files.write(this.directory.resolve("broken.xlsx"), new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 });
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(() -> ImportFile.open(file, null, PROPERTIES))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.badSpreadsheet"));
	}

}
