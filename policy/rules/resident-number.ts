import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { campaignPolicy } from "../campaign";
import { campaignTasks } from "../tasks";

export interface ResidentNumberConfig {
  /** Flag only values whose last digit is a valid check digit (numbers issued since October 2020 have none). */
  requireCheckDigit: boolean;
}

/** YYMMDD, then an optional separator, then the gender/century digit and six more. */
const RESIDENT_NUMBER = /(?<!\d)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[-\s]?([1-8])(\d{6})(?!\d)/g;
const CHECK_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const MAX_PATHS_SHOWN = 5;

/** 주민등록번호 have no business in prompt variables or tracking data: they reach vox.ai and its logs. */
export function residentNumberPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<ResidentNumberConfig>(clock, {
    name: "vox-no-resident-numbers",
    description: "No task's dynamicVariables or metadata holds a value shaped like a resident registration number (주민등록번호).",
    enforcementLevel: "mandatory",
    config: { requireCheckDigit: { type: "boolean", default: false } },
    rule: (props, { config }, report) => {
      const tasks = campaignTasks(props);
      if (!tasks.known) return;
      const paths: string[] = [];
      tasks.tasks.forEach((task, index) => {
        for (const field of ["dynamicVariables", "metadata"] as const) {
          for (const path of stringsIn(task[field], `tasks[${index}].${field}`)) {
            if (looksLikeResidentNumber(path.value, config.requireCheckDigit)) paths.push(path.path);
          }
        }
      });
      if (paths.length === 0) return;
      const shown = paths.slice(0, MAX_PATHS_SHOWN).join(", ") + (paths.length > MAX_PATHS_SHOWN ? ", …" : "");
      report(
        `${paths.length} value(s) look like a resident registration number (주민등록번호): ${shown}; ` +
          "remove them (the agent never needs one; use your own customer id)",
      );
    },
  });
}

export function looksLikeResidentNumber(text: string, requireCheckDigit: boolean): boolean {
  for (const match of text.matchAll(RESIDENT_NUMBER)) {
    if (!requireCheckDigit || hasValidCheckDigit(match.slice(1).join(""))) return true;
  }
  return false;
}

function hasValidCheckDigit(digits: string): boolean {
  const sum = CHECK_WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

/** Every string and number under `value` with its path, without recursion (metadata nests up to 64 levels). */
function stringsIn(value: unknown, root: string): { path: string; value: string }[] {
  const found: { path: string; value: string }[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: root }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === "string" || typeof next.value === "number") found.push({ path: next.path, value: String(next.value) });
    else if (Array.isArray(next.value)) next.value.forEach((item, i) => pending.push({ value: item, path: `${next.path}[${i}]` }));
    else if (next.value !== null && typeof next.value === "object") {
      for (const [key, item] of Object.entries(next.value)) pending.push({ value: item, path: `${next.path}.${key}` });
    }
  }
  return found;
}
