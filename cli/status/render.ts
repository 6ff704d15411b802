/**
 * The screen of `pulumi-vox status`: one line per campaign, aligned by cli-table3 (which measures Korean
 * names by their display width), coloured by picocolors only on a terminal.
 */
import Table = require("cli-table3");
import { createColors } from "picocolors";
import type { CampaignStatus } from "./progress";

const BAR_WIDTH = 20;

/** The bar: completed █, failed ▒, not yet ended ░, each in proportion to the total. */
export function progressBar(line: Pick<CampaignStatus, "total" | "completed" | "failed">, colour: boolean): string {
  const colours = createColors(colour);
  if (line.total === 0) return "░".repeat(BAR_WIDTH);
  const completed = Math.round((line.completed / line.total) * BAR_WIDTH);
  const failed = Math.min(BAR_WIDTH - completed, Math.round((line.failed / line.total) * BAR_WIDTH));
  return colours.green("█".repeat(completed)) + colours.red("▒".repeat(failed)) + colours.dim("░".repeat(BAR_WIDTH - completed - failed));
}

/** `1 h 05 min`, `4 min`, `2 d` (at least 1 min). */
export function duration(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${String(minutes % 60).padStart(2, "0")} min` : `${Math.round(hours / 24)} d`;
}

function statusText(line: CampaignStatus, colour: boolean): string {
  const colours = createColors(colour);
  const text = line.pausedBy ? `${line.status} (${line.pausedBy})` : line.status;
  if (line.status === "ongoing" || line.status === "success") return colours.green(text);
  if (line.status === "fail" || line.status === "canceled") return colours.red(text);
  return colours.yellow(text);
}

function whenText(line: CampaignStatus): string {
  if (line.startsAt) return `starts ${line.startsAt.local} ${line.startsAt.timezone}`;
  if (line.status === "pending") return "starts now (a window is open)";
  if (line.nextWindow) return `window opens ${line.nextWindow.local} ${line.nextWindow.timezone}`;
  if (line.secondsLeft !== null) return line.secondsLeft < 30 ? "< 1 min left" : `~${duration(line.secondsLeft)} left`;
  return "";
}

/** Marks a row the stack only reads (`vox.Campaign.get`): status shows it, but the stack never changes it. */
export const READ_ONLY_MARK = " (read-only)";

/** The table of every campaign, with a header; `colour` only on a terminal. */
export function renderStatus(lines: CampaignStatus[], colour: boolean): string {
  const colours = createColors(colour);
  const table = new Table({
    head: ["CAMPAIGN", "STATUS", "PROGRESS", "DONE", "IN CALL", "CALLS/MIN", "WHEN"],
    chars: {
      top: "",
      "top-mid": "",
      "top-left": "",
      "top-right": "",
      bottom: "",
      "bottom-mid": "",
      "bottom-left": "",
      "bottom-right": "",
      left: "",
      "left-mid": "",
      mid: "",
      "mid-mid": "",
      right: "",
      "right-mid": "",
      middle: "  ",
    },
    style: { head: colour ? ["bold"] : [], border: [], "padding-left": 0, "padding-right": 0 },
  });
  for (const line of lines) {
    table.push([
      line.readOnly ? `${line.label}${colours.dim(READ_ONLY_MARK)}` : line.label,
      statusText(line, colour),
      progressBar(line, colour),
      `${line.completed}✓ ${line.failed}✗ ${line.remaining} left of ${line.total}`,
      String(line.active),
      line.callsPerMinute === null ? "–" : line.callsPerMinute.toFixed(1),
      whenText(line),
    ]);
  }
  // cli-table3 pads the last column too: no trailing blanks in a log or a pipe.
  return table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}
