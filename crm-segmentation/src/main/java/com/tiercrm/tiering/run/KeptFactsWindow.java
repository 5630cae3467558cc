package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.time.ZoneId;

import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.tiering.config.SegmentationConfigs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the ABC window of the kept order facts ({@link OrderFacts}) on today's: once a
 * day, shortly after midnight in the installation's zone and on one instance only, the
 * customers with orders on the days that left the window are recomputed; rows that are
 * not current, or were made for another zone or window length, are rebuilt from the
 * orders.
 */
@NamedInterface("run")
@Service
public class KeptFactsWindow {

	private static final Log logger = LogFactory.getLog(KeptFactsWindow.class);

	private final OrderFacts orderFacts;

	private final SegmentationConfigs configs;

	private final SegmentationProperties properties;

	private final TransactionTemplate transactions;

	KeptFactsWindow(OrderFacts orderFacts, SegmentationConfigs configs, SegmentationProperties properties,
			TransactionTemplate transactions) {
		this.orderFacts = orderFacts;
		this.configs = configs;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Scheduled(cron = "${tiercrm.segmentation.facts-cron:0 5 0 * * *}",
			zone = "${tiercrm.segmentation.zone:Asia/Shanghai}")
	@SchedulerLock(name = "kept-facts-window", lockAtMostFor = "PT2H")
	void scheduled() {
		long started = System.nanoTime();
		Step step = step(LocalDate.now(this.properties.zone()));
		logger.info("Kept order facts: " + step.name().toLowerCase(java.util.Locale.ROOT) + " in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	/**
	 * Brings the kept facts to a day's window, in one transaction: slides the window when
	 * it is behind, rebuilds when the rows are not current or were made for another zone
	 * or window length (or a window that starts later).
	 * @param today the day whose window the rows should have
	 * @return what was done
	 */
	public Step step(LocalDate today) {
		int months = this.configs.current().settings().abcWindowMonths();
		LocalDate windowFrom = KeptFacts.windowFrom(today, months);
		ZoneId zone = this.properties.zone();
		Step step = this.transactions.execute((status) -> {
			OrderFacts.State state = this.orderFacts.state();
			if (!state.current() || !zone.equals(state.zone()) || state.windowMonths() != months
					|| state.windowFrom() == null || state.windowFrom().isAfter(windowFrom)) {
				this.orderFacts.rebuild(zone, months, windowFrom);
				return Step.REBUILT;
			}
			return this.orderFacts.slideWindow(windowFrom) ? Step.SLID : Step.UNCHANGED;
		});
		return (step != null) ? step : Step.UNCHANGED;
	}

	/**
	 * What a step did.
	 */
	public enum Step {

		/** The rows were current for the day already. */
		UNCHANGED,

		/** The window moved forward. */
		SLID,

		/** Every row was made again from the orders. */
		REBUILT

	}

}
