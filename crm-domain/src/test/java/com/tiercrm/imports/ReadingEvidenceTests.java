package com.tiercrm.imports;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadingEvidenceTests {

	@Test
	void aFirstNumberAboveTwelveMeansDayFirst() {
		FileReading reading = scan(ReadingSettings.AUTOMATIC, 100, "01/12/2010", "05/12/2010", "13/12/2010");
		assertThat(reading.dates())
			.isEqualTo(new FileReading.Decision<>(DateOrder.DAY_FIRST, ReadingBasis.EVIDENCE, 4, "13/12/2010"));
	}

	@Test
	void aSecondNumberAboveTwelveMeansMonthFirst() {
		FileReading reading = scan(ReadingSettings.AUTOMATIC, 100, "12/1/2010 8:26", "12/13/2010 9:01");
		assertThat(reading.dateOrder()).isEqualTo(DateOrder.MONTH_FIRST);
		assertThat(reading.dates().row()).isEqualTo(3);
	}

	@Test
	void theMajorityDecidesWhenBothOccurAndATieIsRefused() {
		assertThat(scan(ReadingSettings.AUTOMATIC, 100, "13/01/2011", "14/01/2011", "01/13/2011").dateOrder())
			.isEqualTo(DateOrder.DAY_FIRST);
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> scan(ReadingSettings.AUTOMATIC, 100, "13/01/2011", "01/13/2011"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.file.dateOrderInconsistent"));
	}

	@Test
	void datesThatCouldBeEitherAreRefusedUnlessTheOrderIsChosen() {
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> scan(ReadingSettings.AUTOMATIC, 100, "01/02/2011", "03/04/2011"))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("import.file.dateOrderAmbiguous");
				assertThat(ex.argument()).isEqualTo("01/02/2011");
			});
		FileReading chosen = scan(new ReadingSettings(DateOrder.MONTH_FIRST, DecimalMark.AUTO), 100, "01/02/2011");
		assertThat(chosen.dates()).isEqualTo(FileReading.Decision.chosen(DateOrder.MONTH_FIRST));
	}

	@Test
	void yearFirstDatesNeedNoOrder() {
		assertThat(scan(ReadingSettings.AUTOMATIC, 100, "2024-01-05", "45296", "05/05/2024").dates()).isNull();
	}

	@Test
	void readsOnPastTheSampleOnlyWhileDatesCouldBeEither() {
		List<String> dates = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			dates.add("12/1/2010");
		}
		dates.add("12/13/2010");
		assertThat(scan(ReadingSettings.AUTOMATIC, 10, dates.toArray(String[]::new)).dates())
			.isEqualTo(new FileReading.Decision<>(DateOrder.MONTH_FIRST, ReadingBasis.EVIDENCE, 52, "12/13/2010"));
		List<String> yearFirst = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			yearFirst.add("2010-12-01");
		}
		yearFirst.add("13/12/2010");
		assertThat(scan(ReadingSettings.AUTOMATIC, 10, yearFirst.toArray(String[]::new)).dates()).isNull();
	}

	@Test
	void decidesTheDecimalMarkOnEvidenceAndKeepsThePointWhenNothingSettlesIt() {
		assertThat(amounts(DecimalMark.AUTO, "1,234", "1.234,56").decimals())
			.isEqualTo(new FileReading.Decision<>(DecimalMark.COMMA, ReadingBasis.EVIDENCE, 3, "1.234,56"));
		assertThat(amounts(DecimalMark.AUTO, "-12,5", "7").decimalMark()).isEqualTo(DecimalMark.COMMA);
		assertThat(amounts(DecimalMark.AUTO, "1,234", "12.50").decimalMark()).isEqualTo(DecimalMark.POINT);
		assertThat(amounts(DecimalMark.AUTO, "1,234", "2,000").decimals())
			.isEqualTo(new FileReading.Decision<>(DecimalMark.POINT, ReadingBasis.AMBIGUOUS, 2, "1,234"));
		assertThat(amounts(DecimalMark.AUTO, "1234", "5").decimals()).isNull();
		assertThat(amounts(DecimalMark.COMMA, "1,234").decimals())
			.isEqualTo(FileReading.Decision.chosen(DecimalMark.COMMA));
		assertThat(amounts(DecimalMark.AUTO, "1,5", "2,5", "3.5").decimalMark()).isEqualTo(DecimalMark.COMMA);
	}

	private static FileReading scan(ReadingSettings settings, int sampleRows, String... dates) {
		return ReadingEvidence.scan(rows(dates), (row) -> List.of(row.cell(0)), (row) -> List.of(), settings,
				sampleRows);
	}

	private static FileReading amounts(DecimalMark mark, String... amounts) {
		return ReadingEvidence.scan(rows(amounts), (row) -> List.of(), (row) -> List.of(row.cell(0)),
				new ReadingSettings(DateOrder.AUTO, mark), 100);
	}

	private static List<ImportFile.Row> rows(String... values) {
		List<ImportFile.Row> rows = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			rows.add(new ImportFile.Row(i + 2, List.of(values[i])));
		}
		return rows;
	}

}
