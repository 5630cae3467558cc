package com.tiercrm.tiering.clustertier;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cluster variables that are not the manager's to choose per run.
 *
 * @param onlineChannels the order channels that count as online for the online share,
 * compared without regard to case (order channels are free text: the generator's online
 * channels by default)
 */
@ConfigurationProperties("tiercrm.clusters")
record ClusterProperties(@DefaultValue( {
		"TMALL", "JD", "WEBSITE", "WECHAT_MINI", "ONLINE" }) List<String> onlineChannels){

	ClusterProperties {
		onlineChannels = onlineChannels.stream().map((channel) -> channel.strip().toUpperCase(Locale.ROOT)).toList();
	}

}
