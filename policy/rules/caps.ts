import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { DEFAULTS } from "../../provider/campaign/schema";
import { campaignPolicy } from "../campaign";
import { countTasks } from "../tasks";

export interface TaskCapConfig {
  /** Most tasks one campaign may hold. */
  maxTasks: number;
}

export interface ConcurrencyCapConfig {
  /** Most calls one campaign may place at once. */
  maxConcurrency: number;
}

/** A cap on how many people one campaign calls: a wrong list of 10,000 is a wrong 10,000 calls. */
export function taskCapPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<TaskCapConfig>(clock, {
    name: "vox-task-cap",
    description: "A campaign holds at most maxTasks tasks.",
    enforcementLevel: "mandatory",
    config: { maxTasks: { type: "integer", minimum: 1, default: 5000 } },
    rule: (props, { config }, report) => {
      const count = countTasks(props);
      if (count !== undefined && count > config.maxTasks) {
        report(`the campaign holds ${count} tasks, more than the ${config.maxTasks} vox-task-cap allows; split the list or raise maxTasks`);
      }
    },
  });
}

/** A cap on calls at once: the call centre behind the agent takes only so many transfers. */
export function concurrencyCapPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<ConcurrencyCapConfig>(clock, {
    name: "vox-concurrency-cap",
    description: `A campaign places at most maxConcurrency calls at once (left out, concurrency is ${DEFAULTS.concurrency}).`,
    enforcementLevel: "mandatory",
    config: { maxConcurrency: { type: "integer", minimum: 1, maximum: 100, default: 10 } },
    rule: (props, { config }, report) => {
      const concurrency = typeof props.concurrency === "number" ? props.concurrency : DEFAULTS.concurrency;
      if (concurrency > config.maxConcurrency) {
        report(`concurrency is ${concurrency}, more than the ${config.maxConcurrency} vox-concurrency-cap allows; lower it`);
      }
    },
  });
}
