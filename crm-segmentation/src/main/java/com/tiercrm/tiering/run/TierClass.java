package com.tiercrm.tiering.run;

import org.springframework.modulith.NamedInterface;

/**
 * A class a {@link TierModel} assigns, which is a tier: {@code MODEL:CLASS}.
 *
 * @param code the class code, upper case, such as {@code A}
 * @param labelEn its English name
 * @param labelZh its Simplified Chinese name
 */
@NamedInterface("run")
public record TierClass(String code, String labelEn, String labelZh) {

}
