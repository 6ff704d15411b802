import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { formatWindow, nightWindows } from "../../provider/values/call-windows";
import { callTimeWindowOf, campaignPolicy } from "../campaign";

export interface NightCallsConfig {
  /** Whether a campaign that declares `nightCallConsent: true` may call at night. */
  consentAllowsNightCalls: boolean;
}

/** 정보통신망법 §50③: advertising calls between 21:00 and 08:00 need the callee's separate prior consent. */
export function nightCallsPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<NightCallsConfig>(clock, {
    name: "vox-night-calls",
    description: "No call window may reach into 21:00–08:00 Korean time unless the campaign declares the callees' night-call consent.",
    enforcementLevel: "mandatory",
    config: { consentAllowsNightCalls: { type: "boolean", default: true } },
    rule: (props, { config, clock }, report) => {
      const { window } = callTimeWindowOf(props);
      if (!window) return;
      if (config.consentAllowsNightCalls && props.nightCallConsent === true) return;
      const night = nightWindows(window, clock.now());
      if (night.length === 0) return;
      const fix = config.consentAllowsNightCalls
        ? "end the windows by 21:00 and start them at 08:00 or later, or declare nightCallConsent: true if every callee gave separate prior consent"
        : "end the windows by 21:00 and start them at 08:00 or later (this organization allows no night calls)";
      report(
        `callTimeWindow: ${night.map(formatWindow).join(", ")} (${window.timezone}) reaches into 21:00–08:00 Korean time, ` +
          `when advertising calls need each callee's separate prior consent (정보통신망법 제50조 제3항); ${fix}`,
      );
    },
  });
}
