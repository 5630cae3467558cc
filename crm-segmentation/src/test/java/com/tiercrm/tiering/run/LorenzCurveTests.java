package com.tiercrm.tiering.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LorenzCurveTests {

	@Test
	void foldsCustomersIntoPointsWithTheirShareOfRevenue() {
		// 8 customers, 4 points: two customers a point; revenue 40, 20, 10, 10, 10, 5, 5,
		// 0 = 100.
		LorenzCurve curve = new LorenzCurve(4, 8, 100);
		for (double revenue : new double[] { 40, 20, 10, 10, 10, 5, 5, 0 }) {
			curve.add(revenue);
		}
		List<LorenzCurve.Point> points = curve.points();
		assertThat(points).extracting(LorenzCurve.Point::pointNo).containsExactly(1, 2, 3, 4);
		assertThat(points).extracting(LorenzCurve.Point::customerShare).containsExactly(0.25, 0.5, 0.75, 1.0);
		assertThat(points).extracting(LorenzCurve.Point::revenueShare).containsExactly(0.6, 0.8, 0.95, 1.0);
	}

	@Test
	void fewerCustomersThanPointsGiveOnePointEach() {
		LorenzCurve curve = new LorenzCurve(100, 3, 6);
		curve.add(3);
		curve.add(2);
		curve.add(1);
		assertThat(curve.points()).extracting(LorenzCurve.Point::pointNo).containsExactly(34, 67, 100);
		assertThat(curve.points().get(0).revenueShare()).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void aReturnAtTheTailDoesNotPullAPointBack() {
		LorenzCurve curve = new LorenzCurve(1, 3, 9);
		curve.add(10);
		curve.add(1);
		curve.add(-2);
		assertThat(curve.points()).containsExactly(new LorenzCurve.Point(1, 1.0, 11.0 / 9));
	}

	@Test
	void noRevenueGivesZeroShares() {
		LorenzCurve curve = new LorenzCurve(2, 2, 0);
		curve.add(0);
		curve.add(0);
		assertThat(curve.points()).extracting(LorenzCurve.Point::revenueShare).containsExactly(0.0, 0.0);
	}

}
