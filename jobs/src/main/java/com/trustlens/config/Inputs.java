package com.trustlens.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The four raw inputs of SPEC §2; customers is optional. */
public record Inputs(InputSpec customers, InputSpec campaigns, InputSpec exposures, InputSpec events) {

  /** Inputs by source name, in pipeline order, leaving out the absent ones. */
  public Map<String, InputSpec> present() {
    Map<String, InputSpec> m = new LinkedHashMap<>();
    if (customers != null) m.put("customers", customers);
    if (campaigns != null) m.put("campaigns", campaigns);
    if (exposures != null) m.put("exposures", exposures);
    if (events != null) m.put("events", events);
    return m;
  }

  Inputs withPaths(java.util.function.UnaryOperator<String> resolve) {
    return new Inputs(
        customers == null ? null : customers.withPath(resolve.apply(customers.path())),
        campaigns == null ? null : campaigns.withPath(resolve.apply(campaigns.path())),
        exposures == null ? null : exposures.withPath(resolve.apply(exposures.path())),
        events == null ? null : events.withPath(resolve.apply(events.path())));
  }
}
