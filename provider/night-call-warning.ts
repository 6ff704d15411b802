import * as pulumi from "@pulumi/pulumi";
import type { CallTimeWindowArgs } from "./campaign/args";
import { callTimeWindowSchema } from "./campaign/schema";
import { nightWarning, nightWindows } from "./values/call-windows";

/**
 * Warns in `pulumi preview` and `up` about call windows that reach into 21:00–08:00 Korean time, as
 * `pulumi-vox validate` and `explain` do for campaign files: a plain TypeScript program sees it too. The
 * program side is where the engine shows warnings; a window not known yet (a preview of another
 * resource's output) is warned about when it is. Invalid windows are left to check.
 */
export function warnAboutNightCalls(callTimeWindow: pulumi.Input<CallTimeWindowArgs>, resource: pulumi.Resource): void {
  pulumi.output(callTimeWindow).apply((value) => {
    const parsed = callTimeWindowSchema.safeParse(value);
    if (!parsed.success) return;
    for (const window of nightWindows(parsed.data)) pulumi.log.warn(nightWarning(window, parsed.data.timezone), resource);
  });
}
