import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { campaignPolicy } from "../campaign";

export interface DoNotCallConfig {
  /** Most days since the list was checked against 두낫콜. */
  maxAgeDays: number;
  /** The `purpose` values that make a campaign telemarketing. */
  telemarketingPurposes: string[];
}

const DAY_MS = 86_400_000;
const KOREA_OFFSET_MS = 9 * 3_600_000;

/**
 * 두낫콜, the Fair Trade Commission's do-not-call register: a telemarketer checks its list against it at
 * least once a month and calls no registered number. The check itself happens outside (vox.ai has no such
 * API); the campaign declares when it happened.
 */
export function doNotCallPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<DoNotCallConfig>(clock, {
    name: "vox-do-not-call-check",
    description:
      "A telemarketing campaign declares doNotCallCheckedAt, the date its list was checked against 두낫콜, at most maxAgeDays old.",
    enforcementLevel: "mandatory",
    config: {
      maxAgeDays: { type: "integer", minimum: 0, default: 30 },
      telemarketingPurposes: { type: "array", items: { type: "string" }, default: ["telemarketing"] },
    },
    rule: (props, { config, clock }, report) => {
      if (typeof props.purpose !== "string" || !config.telemarketingPurposes.includes(props.purpose)) return;
      const checked = props.doNotCallCheckedAt;
      const checkedDay = typeof checked === "string" && /^\d{4}-\d{2}-\d{2}/.test(checked) ? Date.parse(checked.slice(0, 10)) : NaN;
      if (Number.isNaN(checkedDay)) {
        report(
          `purpose is ${props.purpose}, so doNotCallCheckedAt must give the date (YYYY-MM-DD) the list was last checked against ` +
            "두낫콜; check it there, remove registered numbers, and declare the date",
        );
        return;
      }
      const today = Date.parse(new Date(clock.now() + KOREA_OFFSET_MS).toISOString().slice(0, 10));
      const age = Math.round((today - checkedDay) / DAY_MS);
      if (age < 0) {
        report(`doNotCallCheckedAt ${checked} is in the future (Korean date); declare the day the check was made`);
      } else if (age > config.maxAgeDays) {
        report(
          `the list was checked against 두낫콜 ${age} days ago (doNotCallCheckedAt ${checked}), more than the ${config.maxAgeDays} ` +
            "days allowed; check it again, remove registered numbers, and update the date",
        );
      }
    },
  });
}
