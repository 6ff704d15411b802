import type { CampaignTask } from "../campaign/args";

/** A contact list read into tasks. */
export interface ContactList {
  /** Validated, normalized tasks (numbers as digits), in file order. */
  tasks: CampaignTask[];
  /** Things worth a look that do not stop the list (repeated numbers, unused columns); numbers masked. */
  warnings: string[];
  /** The encoding the file was read in (detected unless given). */
  encoding: "utf-8" | "cp949";
}
