/**
 * Customer tiering: the models ({@code model}), the runs and previews that apply them
 * ({@code run}), the versioned settings ({@code config}), the dashboards
 * ({@code insight}) and the tier-aware customer list ({@code list}); here, the caches
 * they share.
 */
@NullMarked
package com.tiercrm.tiering;

import org.jspecify.annotations.NullMarked;
