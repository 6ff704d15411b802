import { migrateRecord } from "../../provider/tooling";
import { isCampaignUrn } from "../explain/preview";

type Props = Record<string, unknown>;

/** The environment variable that makes Pulumi print a preview's engine events, refreshed state included. */
export const STREAMING_VARIABLE = "PULUMI_ENABLE_STREAMING_JSON_PREVIEW";

/** What a refresh read for one campaign. */
export interface RefreshedCampaign {
  /** The resource name (the campaign file's name in a GitOps program). */
  name: string;
  /** The campaign id state holds. */
  id: string;
  /** The outputs state holds. */
  before: Props;
  /** What the refresh read; absent when the campaign is gone from vox.ai. */
  after?: Props;
}

/** A `pulumi refresh --preview-only` run, as its engine events tell it. */
export interface RefreshReport {
  /** The stack's name, from the resources' URNs (absent for an empty stack). */
  stack?: string;
  campaigns: RefreshedCampaign[];
  /** Error diagnostics: any means the refresh did not read every campaign. */
  errors: string[];
  /** Whether the events end with the engine's summary of a refresh that succeeded. */
  succeeded: boolean;
}

/**
 * Reads the engine events that `pulumi refresh --preview-only --json` prints, one JSON object per line,
 * when `PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true`: each campaign's `resOutputsEvent` holds the state
 * before (`metadata.old`) and what the refresh read (`metadata.new`, absent when it is gone).
 *
 * @throws Error when the text is not such events, naming what to run instead. Pulumi's single JSON
 * document (the same command without the variable) is refused: its steps repeat the old state for every
 * resource (pulumi/pulumi#16278), so drift read from it would always be "none".
 */
export function readRefreshEvents(text: string): RefreshReport {
  const events = parseEventLines(text);
  const report: RefreshReport = { campaigns: [], errors: [], succeeded: false };
  for (const event of events) {
    const outputs = asProps(event.resOutputsEvent);
    const diagnostic = asProps(event.diagnosticEvent);
    const summary = asProps(event.summaryEvent);
    if (outputs) addCampaign(report, asProps(outputs.metadata));
    if (diagnostic?.severity === "error" && typeof diagnostic.message === "string") {
      report.errors.push(diagnostic.message.replace(/^error: /, "").trim());
    }
    if (summary) report.succeeded = summary.result === "succeeded" && summary.isPreview !== false;
  }
  report.campaigns.sort((a, b) => a.name.localeCompare(b.name));
  return report;
}

function addCampaign(report: RefreshReport, metadata: Props | undefined): void {
  const urn = metadata?.urn;
  if (typeof urn !== "string" || !isCampaignUrn(urn)) return;
  const old = asProps(metadata?.old);
  const before = asProps(old?.outputs);
  if (!old || !before) return;
  report.stack ??= urn.split("::")[0].replace(/^urn:pulumi:/, "");
  const after = metadata?.op === "delete" ? undefined : asProps(asProps(metadata?.new)?.outputs);
  report.campaigns.push({
    name: urn.slice(urn.lastIndexOf("::") + 2),
    id: String(old.id ?? before.id ?? ""),
    // State an older pulumi-vox wrote is read in today's shape, as the provider reads it.
    before: migrateRecord(before),
    after: after && migrateRecord(after),
  });
}

function parseEventLines(text: string): Props[] {
  const trimmed = text.trim();
  if (trimmed === "") throw new Error("the input is empty (did the refresh run? a failed login prints nothing)");
  const whole = tryParse(trimmed);
  if (whole !== undefined && "steps" in whole) {
    throw new Error(
      `this is Pulumi's single JSON document, whose steps do not hold what the refresh read (pulumi/pulumi#16278); ` +
        `run \`${STREAMING_VARIABLE}=true pulumi refresh --preview-only --json\` for its engine events`,
    );
  }
  const events = trimmed
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map(tryParse);
  if (events.some((event) => event === undefined || typeof event.sequence !== "number")) {
    throw new Error(`the input is not the engine events of \`${STREAMING_VARIABLE}=true pulumi refresh --preview-only --json\``);
  }
  return events as Props[];
}

function tryParse(line: string): Props | undefined {
  try {
    return asProps(JSON.parse(line));
  } catch {
    return undefined;
  }
}

function asProps(value: unknown): Props | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Props) : undefined;
}
