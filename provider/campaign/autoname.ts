import { createHash } from "crypto";

/**
 * How a campaign's name tells its resource's campaign from any other (the API has no idempotency key, and
 * a name is the only thing of ours a campaign shows). The program side, which knows the project, stack and
 * resource, works out a marker: the first 6 hex digits of sha256("<project>/<stack>/<resource name>").
 * - no `name`: the autoname `<resource name>-<marker>` (`renewal-reminder-3fa9c1`), Pulumi's convention;
 * - `name` (recommended for a display name of your own): `<name> [<marker>]` (`Spring promo [3fa9c1]`), so
 *   that two stacks declaring the same display name each get their own campaign;
 * - `name` with `exactName: true`: the name exactly as written, which identifies nothing (another stack or
 *   resource may use it).
 * The program records which it did in the inputs (`nameMarker`: the marker the name carries, or null), and
 * only that record says whether a name is this resource's: never the name's shape, since `spring-202604`
 * looks like an autoname without being one.
 */
export interface CampaignName {
  /** The name sent to the API. */
  name: string;
  /** The marker the name carries, or null for an exact name. */
  nameMarker: string | null;
}

/** The first 6 hex digits of sha256("<project>/<stack>/<resource name>"): stable for this stack and resource. */
export function nameMarker(project: string, stack: string, resourceName: string): string {
  return createHash("sha256").update(`${project}/${stack}/${resourceName}`).digest("hex").slice(0, 6);
}

/** The campaign name for a resource: its autoname, its declared name with the marker, or the declared name exactly. */
export function campaignName(
  marker: string,
  resourceName: string,
  declared: string | undefined,
  exactName: boolean | undefined,
): CampaignName {
  if (declared === undefined) return { name: `${resourceName}-${marker}`, nameMarker: marker };
  if (exactName === true) return { name: declared, nameMarker: null };
  return { name: `${declared} [${marker}]`, nameMarker: marker };
}

/**
 * `name`, `exactName` and `nameMarker` as a door records them from the declared values: the program side
 * of `vox.Campaign`, and the native provider's check. A name or exactName of the wrong type goes to check
 * as it is, which names the field.
 */
export function namingInputs(marker: string, resourceName: string, declared: unknown, exactName: unknown) {
  const naming =
    declared === undefined || typeof declared === "string"
      ? campaignName(marker, resourceName, declared, exactName === true)
      : { name: declared, nameMarker: null };
  return { ...naming, exactName: exactName ?? false };
}

/** Whether the inputs' name is the autoname (no `name` declared), as the program recorded it: `<resource>-<marker>`. */
export function isAutonamed(inputs: { name?: unknown; nameMarker?: unknown }): boolean {
  return typeof inputs.name === "string" && typeof inputs.nameMarker === "string" && inputs.name.endsWith(`-${inputs.nameMarker}`);
}

/** Whether the inputs' name carries this resource's marker, as the program recorded it. */
export function ownsName(inputs: { nameMarker?: string | null }): boolean {
  return typeof inputs.nameMarker === "string";
}

/**
 * The name check keeps, given the previous inputs of the same resource:
 * - a campaign named before markers existed: pulumi-vox 0.1.0 named a campaign without `name` after the
 *   resource alone, and before 0.2 a declared name was sent as written. When the old inputs hold no marker
 *   (and did not ask for an exact name) and the new name is the old one plus this resource's marker, the
 *   campaign keeps its name (an upgrade must not rename running campaigns), recorded as carrying no marker;
 * - a resource renamed through `aliases`: the marker is worked out from the resource name, so the new name
 *   would carry another one. The engine hands check the old inputs only for the same resource, so the
 *   marker it recorded stays with it, and an alias renames no campaign.
 * Any other name is taken as declared.
 */
export function keptName(olds: { name?: unknown; nameMarker?: unknown; exactName?: unknown }, news: CampaignName): CampaignName {
  const oldName = olds.name;
  const marker = news.nameMarker;
  if (typeof oldName !== "string" || marker === null || olds.exactName === true) return news;
  if (typeof olds.nameMarker === "string") return withMarker(news, marker, olds.nameMarker);
  const unchanged = news.name === `${oldName}-${marker}` || news.name === `${oldName} [${marker}]`;
  return unchanged ? { name: oldName, nameMarker: null } : news;
}

/** `news` with the marker it ends in (`-<marker>` or ` [<marker>]`) replaced by `recorded`. */
function withMarker(news: CampaignName, marker: string, recorded: string): CampaignName {
  if (marker === recorded) return news;
  for (const [ending, kept] of [
    [`-${marker}`, `-${recorded}`],
    [` [${marker}]`, ` [${recorded}]`],
  ]) {
    if (news.name.endsWith(ending)) return { name: news.name.slice(0, -ending.length) + kept, nameMarker: recorded };
  }
  return news;
}
