package com.tiercrm.tiering.clustertier;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.tiering.list.TierLabels;

import org.springframework.modulith.NamedInterface;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Managers name the clusters in both languages ("年轻时尚高消费群体"): the names are the cluster
 * tiers' names, so lists, filters, exports, policies and the dashboard show them. A
 * cluster keeps its code from run to run (matched to the previous run's centres), and so
 * keeps its name.
 */
@NamedInterface("clustertier")
@Service
public class ClusterNames {

	/** The longest name, as the {@code tiers} table holds. */
	public static final int MAX_LENGTH = 100;

	private final JdbcTemplate jdbc;

	private final TierLabels labels;

	private final AuditLog audit;

	ClusterNames(JdbcTemplate jdbc, TierLabels labels, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.labels = labels;
	}

	/**
	 * Names a cluster.
	 * @param classCode the cluster, {@code C01} to {@code C10}
	 * @param english its English name
	 * @param chinese its Chinese name
	 * @throws IllegalArgumentException with a message code when the cluster is unknown or
	 * a name is blank or too long
	 */
	public void rename(String classCode, String english, String chinese) {
		int number = ClusterOutcome.number(classCode);
		if (number < 1 || number > ClusterTiering.MAX_CLUSTERS) {
			throw new IllegalArgumentException("cluster.rename.unknown");
		}
		String en = english.strip();
		String zh = chinese.strip();
		if (en.isEmpty() || zh.isEmpty() || en.length() > MAX_LENGTH || zh.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("cluster.rename.invalid");
		}
		if (this.jdbc.update("update tiers set label_en = ?, label_zh = ? where code = ?", en, zh,
				ClusterTierModel.CODE + ":" + classCode) == 0) {
			throw new IllegalArgumentException("cluster.rename.unknown");
		}
		this.audit.record(AuditAction.CLUSTER_RENAMED, classCode, en + " / " + zh);
		this.labels.forget();
	}

}
