import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { koreanHolidays } from "../../policy/korean-holidays";
import { CampaignSpec, campaignSpec, useStackPerTest } from "../e2e/support/pulumi-stack";
import { DAY, seoulDate } from "../support/emulator";
import { Violation, runWithPolicies } from "./support";

const EVERY_DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A distinct callee per fixture, so that only the same-day fixtures share numbers. */
let nextNumber = 0;
const task = () => ({ callTo: `010-2000-${String(1000 + nextNumber++)}` });
const window = (days: string[], start: string, end: string) => ({ windows: [{ days, start, end }] });
const fixture = (name: string, overrides: Record<string, unknown>) => campaignSpec(name, { tasks: [task()], ...overrides });

/** 09:00 in Korea on a `YYYY-MM-DD`. */
const nineInKorea = (date: string) => `${date}T09:00:00+09:00`;

/** Days from a few days after now on, in Korea (the provider wants scheduledAt in the future). */
function upcomingDates(): string[] {
  const start = Date.now() + 3 * DAY;
  const dates: string[] = [];
  for (let day = 0; koreanHolidays(seoulDate(start + day * DAY)).known; day++) dates.push(seoulDate(start + day * DAY));
  assert.ok(dates.length > 60, "the holiday tables end within two months: update @hyunbinseo/holidays-kr");
  return dates;
}

/** The day before the next holiday (the failing start) and the first day of a holiday-free fortnight (the passing one). */
function holidayFixtureStarts(): { beforeHoliday: string; clearFortnight: string } {
  const dates = upcomingDates();
  const isHoliday = (date: string) => (koreanHolidays(date) as { names: ReadonlyArray<string> }).names.length > 0;
  const holiday = dates.findIndex((date, i) => i > 0 && isHoliday(date));
  const clear = dates.findIndex((_, i) => i + 14 <= dates.length && dates.slice(i, i + 14).every((date) => !isHoliday(date)));
  assert.ok(holiday > 0 && clear >= 0, "no upcoming holiday or no holiday-free fortnight in the holiday tables");
  return { beforeHoliday: dates[holiday - 1], clearFortnight: dates[clear] };
}

/** The pack's config for the fixtures: each rule's config at a value its fixtures sit on either side of. */
const CONFIG = {
  "vox-financial-hours": { sector: "financial" },
  "vox-explicit-call-window": { weekendsAllowed: false },
  "vox-korean-holidays": { weeks: 2 },
  "vox-presentation-number": { approvedNumbers: ["02-1234-5678"] },
  "vox-task-cap": { maxTasks: 2 },
  "vox-concurrency-cap": { maxConcurrency: 3 },
  "vox-same-day-numbers": { campaignsPerNumberPerDay: 1 },
};

/** Each rule's fixtures: the campaigns it must report and those it must not. */
function fixtures(): Record<string, { fail: CampaignSpec[]; pass: CampaignSpec[] }> {
  const starts = holidayFixtureStarts();
  const shared = task();
  return {
    "vox-night-calls": {
      fail: [fixture("night-fail", { callTimeWindow: window(["Monday"], "20:00", "22:00") })],
      pass: [
        fixture("night-pass", { callTimeWindow: window(["Monday"], "09:00", "21:00") }),
        fixture("night-consent-pass", { callTimeWindow: window(["Monday"], "20:00", "22:00"), nightCallConsent: true }),
      ],
    },
    "vox-financial-hours": {
      fail: [fixture("financial-fail", { callTimeWindow: window(["Monday"], "07:30", "09:00") })],
      pass: [fixture("financial-pass", { callTimeWindow: window(["Monday"], "08:00", "12:00") })],
    },
    "vox-explicit-call-window": {
      fail: [
        fixture("explicit-missing", { callTimeWindow: undefined }),
        fixture("explicit-weekend", { callTimeWindow: window(["Saturday"], "10:00", "12:00") }),
      ],
      pass: [fixture("explicit-pass", { callTimeWindow: window(["Monday", "Friday"], "10:00", "12:00") })],
    },
    "vox-korean-holidays": {
      fail: [
        fixture("holiday-fail", { scheduledAt: nineInKorea(starts.beforeHoliday), callTimeWindow: window(EVERY_DAY, "10:00", "12:00") }),
      ],
      pass: [
        fixture("holiday-pass", { scheduledAt: nineInKorea(starts.clearFortnight), callTimeWindow: window(EVERY_DAY, "10:00", "12:00") }),
      ],
    },
    "vox-presentation-number": {
      fail: [fixture("caller-id-missing", {}), fixture("caller-id-unapproved", { presentationNumber: "02-9876-5432" })],
      pass: [fixture("caller-id-pass", { presentationNumber: "0212345678" })],
    },
    "vox-task-cap": {
      // A contact list file is read into the inputs by check, so the pack sees it as it sees inline tasks.
      fail: [
        fixture("tasks-fail", { tasks: [task(), task(), task()] }),
        fixture("tasks-file-fail", { tasks: undefined, tasksFile: "three.csv" }),
      ],
      pass: [fixture("tasks-pass", { tasks: [task(), task()] })],
    },
    "vox-concurrency-cap": {
      fail: [fixture("concurrency-fail", { concurrency: 4 })],
      pass: [fixture("concurrency-pass", { concurrency: 3 })],
    },
    "vox-do-not-call-check": {
      fail: [
        fixture("dnc-missing", { purpose: "telemarketing" }),
        fixture("dnc-stale", { purpose: "telemarketing", doNotCallCheckedAt: seoulDate(Date.now() - 45 * DAY) }),
      ],
      pass: [
        fixture("dnc-pass", { purpose: "telemarketing", doNotCallCheckedAt: seoulDate(Date.now() - 3 * DAY) }),
        fixture("dnc-informational", { purpose: "informational" }),
      ],
    },
    "vox-no-resident-numbers": {
      fail: [
        fixture("resident-fail", { tasks: [{ ...task(), dynamicVariables: { memo: "고객 900101-1234567" } }] }),
        fixture("resident-metadata-fail", { tasks: [{ ...task(), metadata: { customer: { ids: ["9001011234567"] } } }] }),
      ],
      pass: [
        fixture("resident-pass", { tasks: [{ ...task(), dynamicVariables: { memo: "회원번호 12345678" }, metadata: { order: 9001011 } }] }),
      ],
    },
    "vox-same-day-numbers": {
      fail: [
        fixture("same-day-a", { tasks: [shared], callTimeWindow: window(["Monday"], "09:00", "12:00") }),
        fixture("same-day-b", { tasks: [shared, task()], callTimeWindow: window(["Monday", "Tuesday"], "13:00", "15:00") }),
      ],
      pass: [
        fixture("other-day-c", { tasks: [{ callTo: "010-3000-0001" }], callTimeWindow: window(["Wednesday"], "09:00", "12:00") }),
        fixture("other-day-d", { tasks: [{ callTo: "010-3000-0001" }], callTimeWindow: window(["Thursday"], "09:00", "12:00") }),
      ],
    },
  };
}

describe("policy pack: each rule against its passing and failing fixtures (real CLI, `pulumi preview --policy-pack`)", function () {
  this.timeout(10 * 60_000);
  const { stack } = useStackPerTest();

  it("reports every failing fixture and no passing one, at the rule's enforcement level", async () => {
    const table = fixtures();
    fs.writeFileSync(path.join(stack().dir, "three.csv"), ["phone", ...[1, 2, 3].map(() => task().callTo), ""].join("\n"));
    stack().setCampaigns(Object.values(table).flatMap(({ fail, pass }) => [...fail, ...pass]));
    const { result, violations } = await runWithPolicies(stack(), ["preview"], CONFIG);
    assert.notStrictEqual(result.code, 0, "mandatory violations fail the preview");
    const reported = (policy: string) => new Set(violations.filter((v: Violation) => v.policy === policy).map((v) => v.resource));
    for (const [policy, { fail, pass }] of Object.entries(table)) {
      const names = reported(policy);
      if (policy === "vox-same-day-numbers") {
        // The rule reports the campaign that completes the pair, whichever the engine shows it second.
        assert.ok(names.has("same-day-a") || names.has("same-day-b"), `${policy} reported ${[...names].join(", ") || "nothing"}`);
      } else {
        for (const spec of fail) assert.ok(names.has(spec.name), `${policy} did not report ${spec.name}: ${result.stdout}`);
      }
      for (const spec of pass) assert.ok(!names.has(spec.name), `${policy} reported the passing ${spec.name}`);
    }
    assert.deepStrictEqual([...new Set(violations.map((v) => `${v.policy} ${v.level}`))].sort(), [
      "vox-concurrency-cap mandatory",
      "vox-do-not-call-check mandatory",
      "vox-explicit-call-window advisory",
      "vox-financial-hours mandatory",
      "vox-korean-holidays advisory",
      "vox-night-calls mandatory",
      "vox-no-resident-numbers mandatory",
      "vox-presentation-number mandatory",
      "vox-same-day-numbers advisory",
      "vox-task-cap mandatory",
    ]);
  });
});
