import type { Policies } from "@pulumi/policy";
import { Clock, systemClock } from "../provider/clock";
import { concurrencyCapPolicy, taskCapPolicy } from "./rules/caps";
import { doNotCallPolicy } from "./rules/do-not-call";
import { explicitWindowPolicy } from "./rules/explicit-window";
import { financialHoursPolicy } from "./rules/financial-hours";
import { holidaysPolicy } from "./rules/holidays";
import { nightCallsPolicy } from "./rules/night-calls";
import { presentationNumberPolicy } from "./rules/presentation-number";
import { residentNumberPolicy } from "./rules/resident-number";
import { sameDayNumbersPolicy } from "./rules/same-day-numbers";

/** The compliance rules for Korean call campaigns, reading "now" from `clock`. docs/compliance.md describes each. */
export function compliancePolicies(clock: Clock = systemClock): Policies {
  return [
    nightCallsPolicy,
    financialHoursPolicy,
    explicitWindowPolicy,
    holidaysPolicy,
    presentationNumberPolicy,
    taskCapPolicy,
    concurrencyCapPolicy,
    doNotCallPolicy,
    residentNumberPolicy,
    sameDayNumbersPolicy,
  ].map((policy) => policy(clock));
}
