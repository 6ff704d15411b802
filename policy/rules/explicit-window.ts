import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { formatWindow } from "../../provider/values/call-windows";
import { callTimeWindowOf, campaignPolicy } from "../campaign";

export interface ExplicitWindowConfig {
  /** Whether windows may include Saturday and Sunday. */
  weekendsAllowed: boolean;
}

const WEEKEND = ["Saturday", "Sunday"];

/** Without a `callTimeWindow` the API calls every day 08:00–20:00, weekends included: say so in the program. */
export function explicitWindowPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<ExplicitWindowConfig>(clock, {
    name: "vox-explicit-call-window",
    description: "Every campaign declares its callTimeWindow (the API's default calls every day 08:00–20:00, weekends included).",
    enforcementLevel: "advisory",
    config: { weekendsAllowed: { type: "boolean", default: true } },
    rule: (props, { config }, report) => {
      const reading = callTimeWindowOf(props);
      if (!reading.declared) {
        report(
          "callTimeWindow is not declared, so the API calls every day 08:00–20:00, weekends and holidays included; " +
            "declare the days and hours the campaign may call",
        );
        return;
      }
      if (config.weekendsAllowed || !reading.window) return;
      const weekend = reading.window.windows.filter((window) => window.days.some((day) => WEEKEND.includes(day)));
      if (weekend.length > 0) {
        report(`callTimeWindow: ${weekend.map(formatWindow).join(", ")} calls on a weekend, which this organization does not allow`);
      }
    },
  });
}
