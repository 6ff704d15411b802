import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { formatDays } from "../../provider/values/call-windows";
import { callTimeWindowOf, campaignPolicy } from "../campaign";
import { campaignTasks, maskNumber } from "../tasks";

export interface SameDayNumbersConfig {
  /** How many campaigns of one stack may call the same number on the same weekday. */
  campaignsPerNumberPerDay: number;
}

interface Seen {
  name: string;
  days: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
}

const MAX_SHOWN = 3;

/**
 * A stack rule: one number in two campaigns of one stack that can call on the same weekday is a person
 * called twice in a day. The engine's stack-wide check sees only outputs, which hold no numbers, so this
 * rule remembers each campaign's numbers as the engine shows it the campaigns one by one in a deployment,
 * and reports on the campaign that completes the pair.
 */
export function sameDayNumbersPolicy(clock: Clock): ResourceValidationPolicy {
  const seen = new Map<string, Seen>();
  // Which campaigns hold a number, so that a campaign's check costs its own list, not every other list.
  const byNumber = new Map<string, Set<string>>();
  const remember = (urn: string, campaign: Seen) => {
    // Replaces what an earlier pass of the same deployment (up's preview, then its update) remembered.
    for (const number of seen.get(urn)?.numbers ?? []) byNumber.get(number)?.delete(urn);
    seen.set(urn, campaign);
    for (const number of campaign.numbers) {
      const holders = byNumber.get(number);
      if (holders) holders.add(urn);
      else byNumber.set(number, new Set([urn]));
    }
  };
  return campaignPolicy<SameDayNumbersConfig>(clock, {
    name: "vox-same-day-numbers",
    description: "No number is in more campaigns of one stack that can call on the same weekday than campaignsPerNumberPerDay.",
    enforcementLevel: "advisory",
    config: { campaignsPerNumberPerDay: { type: "integer", minimum: 1, default: 1 } },
    rule: (props, { config }, report, args) => {
      const { window } = callTimeWindowOf(props);
      const tasks = campaignTasks(props);
      if (!window || !tasks.known) return;
      const self: Seen = {
        name: args.name,
        days: new Set(window.windows.flatMap((w) => w.days)),
        numbers: new Set(tasks.tasks.map((task) => task.callTo)),
      };
      remember(args.urn, self);
      const sameDay = new Set(
        [...seen].filter(([urn, other]) => urn !== args.urn && [...other.days].some((day) => self.days.has(day))).map(([urn]) => urn),
      );
      const shared = new Map<string, string[]>();
      for (const number of self.numbers) {
        const others = [...byNumber.get(number)!].filter((urn) => sameDay.has(urn));
        if (others.length + 1 > config.campaignsPerNumberPerDay)
          shared.set(
            number,
            others.map((urn) => seen.get(urn)!.name),
          );
      }
      if (shared.size === 0) return;
      const campaigns = [...new Set([...shared.values()].flat())];
      const examples = [...shared.keys()].slice(0, MAX_SHOWN).map(maskNumber).join(", ");
      const days = formatDays([...self.days].filter((day) => [...sameDay].some((urn) => seen.get(urn)!.days.has(day))));
      report(
        `${shared.size} number(s) (${examples}${shared.size > MAX_SHOWN ? ", …" : ""}) are also in campaign(s) ${campaigns.join(", ")} ` +
          `of this stack, which can call on the same day (${days}); a person would be called more than ` +
          `${config.campaignsPerNumberPerDay} time(s) a day. Remove them from one list or give the campaigns different days`,
      );
    },
  });
}
