import { validateCampaignInputs } from "../schema/validate";
import { toPlainJson } from "./plain";

export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: { property: string; reason: string }[];
}

/** Validates and normalizes the inputs; makes no API call (it runs on every preview). */
export async function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> {
  const { inputs, failures } = validateCampaignInputs(news, { now: Date.now(), previousScheduledAt: olds.scheduledAt });
  return { inputs: toPlainJson(inputs), failures };
}
