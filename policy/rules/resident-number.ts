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
          paths.push(
            ...pathsMatching(task[field], `tasks[${index}].${field}`, (text) => looksLikeResidentNumber(text, config.requireCheckDigit)),
          );
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
  if (text.length < 13) return false; // six digits, seven digits: shorter text cannot hold one
  for (const match of text.matchAll(RESIDENT_NUMBER)) {
    if (!requireCheckDigit || hasValidCheckDigit(match.slice(1).join(""))) return true;
  }
  return false;
}

function hasValidCheckDigit(digits: string): boolean {
  const sum = CHECK_WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

interface Place {
  value: unknown;
  key?: string | number;
  parent?: Place;
}

/** The path of every string and number under `value` that `matches`, without recursion (metadata nests up to 64 levels). */
function pathsMatching(value: unknown, root: string, matches: (text: string) => boolean): string[] {
  const found: string[] = [];
  // Each place points to its parent; a path is spelled out only for a match, which most values never are.
  const pending: Place[] = [{ value }];
  while (pending.length > 0) {
    const place = pending.pop()!;
    const current = place.value;
    if (typeof current === "string" || typeof current === "number") {
      if (matches(String(current))) found.push(root + pathOf(place));
    } else if (Array.isArray(current)) current.forEach((item, key) => pending.push({ value: item, key, parent: place }));
    else if (current !== null && typeof current === "object") {
      for (const key of Object.keys(current)) pending.push({ value: (current as Record<string, unknown>)[key], key, parent: place });
    }
  }
  return found;
}

function pathOf(place: Place): string {
  let path = "";
  for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) {
    path = (typeof at.key === "number" ? `[${at.key}]` : `.${at.key}`) + path;
  }
  return path;
}
