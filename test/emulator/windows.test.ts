import assert from "node:assert/strict";
import { CallTimeWindow, Weekday, WEEKDAYS, defaultCallTimeWindow } from "../../emulator/campaigns/model";
import { windowStateAt } from "../../emulator/lifecycle/windows";

type Windows = Array<[Weekday[], number, number]>;
/** An instant, whether the window is open then, and when that changes (null: never). */
type Check = [at: string, open: boolean, changesAt: string | null];

const window = (timezone: string, windows: Windows): CallTimeWindow => ({
  timezone,
  autoResume: true,
  windows: windows.map(([days, startMin, endMin]) => ({ days, startMin, endMin })),
});

const cases: Array<{ what: string; timeWindow: CallTimeWindow; checks: Check[] }> = [
  {
    what: "the default window is open 08:00–20:00 Seoul time",
    timeWindow: defaultCallTimeWindow(),
    checks: [
      ["2025-03-03T07:59:59+09:00", false, "2025-03-03T08:00:00+09:00"],
      ["2025-03-03T08:00:00+09:00", true, "2025-03-03T20:00:00+09:00"],
      ["2025-03-03T20:00:00+09:00", false, "2025-03-04T08:00:00+09:00"],
    ],
  },
  {
    what: "days are those of the window time zone: Monday 01:30 in Seoul is Sunday in UTC",
    timeWindow: window("Asia/Seoul", [[["Monday"], 0, 120]]),
    checks: [["2025-03-02T16:30:00Z", true, "2025-03-03T02:00:00+09:00"]],
  },
  {
    what: "the next opening is on the next day the window names, wrapping around the week",
    timeWindow: window("Asia/Seoul", [[["Monday"], 600, 660]]),
    checks: [["2025-03-03T11:00:00+09:00", false, "2025-03-10T10:00:00+09:00"]],
  },
  {
    what: "a window ending at 24:00 joins one starting at 00:00 the next day, also from Sunday to Monday",
    timeWindow: window("Asia/Seoul", [
      [["Monday", "Sunday"], 1200, 1440],
      [["Tuesday", "Monday"], 0, 60],
    ]),
    checks: [
      ["2025-03-03T21:00:00+09:00", true, "2025-03-04T01:00:00+09:00"],
      ["2025-03-09T21:00:00+09:00", true, "2025-03-10T01:00:00+09:00"],
    ],
  },
  {
    what: "overlapping windows on the same day merge",
    timeWindow: window("UTC", [
      [["Wednesday"], 60, 180],
      [["Wednesday"], 120, 240],
    ]),
    checks: [["2025-03-05T01:30:00Z", true, "2025-03-05T04:00:00Z"]],
  },
  {
    what: "open all week never changes",
    timeWindow: window("Asia/Seoul", [[[...WEEKDAYS], 0, 1440]]),
    checks: [["2025-03-05T01:30:00Z", true, null]],
  },
  {
    // 2025-03-09 02:00 EST jumps to 03:00 EDT: a window from 02:30 opens at 03:00 EDT (07:00Z).
    what: "DST: a window starting inside the skipped hour opens when the hour ends",
    timeWindow: window("America/New_York", [[["Sunday"], 150, 240]]),
    checks: [
      ["2025-03-09T06:00:00Z", false, "2025-03-09T07:00:00Z"],
      ["2025-03-09T07:00:00Z", true, "2025-03-09T08:00:00Z"],
    ],
  },
  {
    // Monday 2025-03-03 09:00 EST = 14:00Z; Monday 2025-03-10 09:00 EDT = 13:00Z.
    what: "DST: windows stay in local time, Monday 09:00 is 14:00Z in winter and 13:00Z in summer",
    timeWindow: window("America/New_York", [[["Monday"], 540, 600]]),
    checks: [["2025-03-03T16:00:00Z", false, "2025-03-10T13:00:00Z"]],
  },
  {
    // 2025-11-02 02:00 EDT falls back to 01:00 EST: a window until 01:30 closes at 01:30 EDT and reopens at 01:00 EST.
    what: "DST: a window reopens in the hour that repeats when clocks fall back",
    timeWindow: window("America/New_York", [[["Sunday"], 0, 90]]),
    checks: [
      ["2025-11-02T05:00:00Z", true, "2025-11-02T05:30:00Z"],
      ["2025-11-02T05:30:00Z", false, "2025-11-02T06:00:00Z"],
      ["2025-11-02T06:00:00Z", true, "2025-11-02T06:30:00Z"],
    ],
  },
];

describe("call window schedule", () => {
  for (const { what, timeWindow, checks } of cases) {
    it(what, () => {
      for (const [at, open, changesAt] of checks) {
        const expected = { open, changesAt: changesAt === null ? Infinity : Date.parse(changesAt) };
        assert.deepEqual(windowStateAt(timeWindow, Date.parse(at)), expected, `at ${at}`);
      }
    });
  }
});
