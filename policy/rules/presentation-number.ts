import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Clock } from "../../provider/clock";
import { campaignPolicy } from "../campaign";
import { campaignTasks, comparableNumber, maskNumber } from "../tasks";

export interface PresentationNumberConfig {
  /** The caller ids approved for the organization; empty: any, as long as one is declared. */
  approvedNumbers: string[];
}

/** A campaign shows a caller id the organization registered, never whatever `callFrom` happens to be. */
export function presentationNumberPolicy(clock: Clock): ResourceValidationPolicy {
  return campaignPolicy<PresentationNumberConfig>(clock, {
    name: "vox-presentation-number",
    description: "Every campaign declares presentationNumber, and it (and any task's own) is one of the organization's approved numbers.",
    enforcementLevel: "mandatory",
    config: { approvedNumbers: { type: "array", items: { type: "string" }, default: [] } },
    rule: (props, { config }, report) => {
      const approved = new Set(config.approvedNumbers.map(comparableNumber));
      const unapproved = (value: string) => approved.size > 0 && !approved.has(comparableNumber(value));
      if (typeof props.presentationNumber !== "string" || props.presentationNumber === "") {
        report("presentationNumber is not declared: declare the caller id callees see, one approved for the organization");
      } else if (unapproved(props.presentationNumber)) {
        report(
          `presentationNumber ${maskNumber(comparableNumber(props.presentationNumber))} is not in the approved numbers of vox-presentation-number's config`,
        );
      }
      const tasks = campaignTasks(props);
      if (!tasks.known) return;
      const offending = tasks.tasks.flatMap((task, index) =>
        task.presentationNumber !== undefined && unapproved(task.presentationNumber) ? [index] : [],
      );
      if (offending.length > 0) {
        report(
          `${offending.length} task(s) show a caller id that is not approved (tasks[${offending.slice(0, 5).join("], tasks[")}]` +
            `${offending.length > 5 ? ", …" : ""}); use approved numbers only`,
        );
      }
    },
  });
}
