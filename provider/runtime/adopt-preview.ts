import { isNotFound } from "../api/errors";
import { adoptMismatches } from "../campaign/fields";
import type { Failure } from "../campaign/validate";
import { containsUnknown } from "../values/unknown";
import { campaignApi } from "./client";

/**
 * A new `adoptId` is read (one GET) at check, so that `pulumi preview` already says when the campaign
 * does not exist or differs from the declaration, instead of a green preview and a failed `up`. When it
 * cannot be read (no key, no network), check stays silent and the create checks again. Failures name
 * `adoptId` as their property: the engine prints that property's value, which must never be a number.
 */
export async function adoptFailures(olds: Record<string, unknown>, inputs: Record<string, unknown>): Promise<Failure[]> {
  const id = inputs.adoptId;
  if (typeof id !== "string" || containsUnknown(inputs) || olds.adoptId === id) return [];
  let campaign;
  try {
    campaign = await campaignApi().get(id);
  } catch (error) {
    if (!isNotFound(error)) return [];
    return [
      { property: "adoptId", reason: `adoptId: no campaign ${id} exists for this API key; check the id, or remove adoptId to create one` },
    ];
  }
  return adoptMismatches(campaign, inputs).map((mismatch) => ({
    property: "adoptId",
    reason: `adoptId: campaign ${id} differs from this declaration: ${mismatch.text}; make the declaration match the campaign`,
  }));
}
