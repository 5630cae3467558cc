package com.tiercrm.tiering.web;

import com.tiercrm.tiering.clustertier.ClusterNames;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A cluster's name in both languages, as a manager writes it.
 *
 * @param nameEn the English name
 * @param nameZh the Chinese name
 */
record ClusterNameForm(@NotBlank @Size(max = ClusterNames.MAX_LENGTH) String nameEn,
		@NotBlank @Size(max = ClusterNames.MAX_LENGTH) String nameZh) {

}
