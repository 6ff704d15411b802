import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { DAYS } from "../../provider/values/window";
import { callTimeWindowOf, campaignPolicy } from "../campaign";
import { koreanHolidays, lastCoveredYear } from "../korean-holidays";

export interface HolidaysConfig {
  /** How many weeks from the campaign's start to look at. */
  weeks: number;
}

const DAY_MS = 86_400_000;
const KOREA_OFFSET_MS = 9 * 3_600_000;

/** Korean public holidays in the campaign's first weeks of windows: people called on a holiday complain. */
export function holidaysPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<HolidaysConfig>(clock, {
    name: "vox-korean-holidays",
    description: "Warns when the campaign's call windows in its first weeks fall on a Korean public holiday.",
    enforcementLevel: "advisory",
    config: { weeks: { type: "integer", minimum: 1, maximum: 52, default: 2 } },
    rule: (props, { config, clock }, report) => {
      const { window } = callTimeWindowOf(props);
      if (!window) return;
      const start = startOf(props.scheduledAt, clock);
      const callDays = new Set(window.windows.flatMap((w) => w.days));
      const hits: string[] = [];
      for (let day = 0; day < config.weeks * 7; day++) {
        const korean = new Date(start + day * DAY_MS + KOREA_OFFSET_MS);
        const date = korean.toISOString().slice(0, 10);
        const weekday = DAYS[(korean.getUTCDay() + 6) % 7];
        if (!callDays.has(weekday)) continue;
        const holidays = koreanHolidays(date);
        if (!holidays.known) {
          report(
            `the holiday tables of @hyunbinseo/holidays-kr end with ${lastCoveredYear()}, so ${date} cannot be checked; ` +
              "update the package (pulumi-vox's dependency) to check this campaign's holidays",
          );
          return;
        }
        if (holidays.names.length > 0) hits.push(`${date} (${weekday}, ${holidays.names.join(", ")})`);
      }
      if (hits.length > 0) {
        report(
          `the call windows in the campaign's first ${config.weeks} week(s) include Korean public holidays: ${hits.join("; ")}; ` +
            "leave those days out (schedule around them) or accept calling on a holiday",
        );
      }
    },
  });
}

/** The campaign's start: `scheduledAt` when it is a readable time, else now (it starts at once). */
function startOf(scheduledAt: unknown, clock: Clock): number {
  const at = typeof scheduledAt === "string" ? Date.parse(scheduledAt) : NaN;
  return Number.isNaN(at) ? clock.now() : at;
}
