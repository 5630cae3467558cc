package com.tiercrm.tiering.run;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A customer's class in a tier model other than ABC, RFM and CLV, in the published run.
 *
 * @param model the model's code
 * @param tier the class as a tier code, {@code MODEL:CLASS}
 * @param score the score the class was chosen by, if the model gave one
 * @param reason why, stored as {@code key|arg|arg…}
 */
@NamedInterface("run")
public record ModelClass(String model, String tier, @Nullable Double score, @Nullable String reason) {

}
