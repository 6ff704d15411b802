import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { formatWindow, nightWindows } from "../../provider/values/call-windows";
import { callTimeWindowOf, campaignPolicy } from "../campaign";

export interface FinancialHoursConfig {
  /** `financial` holds every campaign to 08:00–21:00, consent or not; `general` leaves hours to vox-night-calls. */
  sector: "general" | "financial";
}

/** Financial-sector telemarketing may call only 08:00–21:00; declared consent does not widen that. */
export function financialHoursPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<FinancialHoursConfig>(clock, {
    name: "vox-financial-hours",
    description: "In the financial profile, every call window lies within 08:00–21:00 Korean time, whatever consent is declared.",
    enforcementLevel: "mandatory",
    config: { sector: { type: "string", enum: ["general", "financial"], default: "general" } },
    rule: (props, { config, clock }, report) => {
      if (config.sector !== "financial") return;
      const { window } = callTimeWindowOf(props);
      if (!window) return;
      const outside = nightWindows(window, clock.now());
      if (outside.length === 0) return;
      report(
        `callTimeWindow: ${outside.map(formatWindow).join(", ")} (${window.timezone}) lies outside 08:00–21:00 Korean time, ` +
          "the hours financial-sector campaigns may call; nightCallConsent does not change that. Move the windows inside 08:00–21:00",
      );
    },
  });
}
