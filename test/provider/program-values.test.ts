import * as assert from "assert";
import * as vox from "../../provider";
import { withMessage } from "../support/errors";
import { useTestApiKey } from "../support/hooks";
import { AGENT_ID } from "../support/inputs";

/**
 * Issue 18.8: values a program can hold that Pulumi would change silently (NaN in metadata became null, an
 * undefined prompt variable vanished) or that ended the preview with a TypeError or RangeError naming no
 * field. The program refuses each, naming its path, before anything is registered.
 */
describe("vox.Campaign refuses non-JSON values in the program, naming their path (issue 18.8)", () => {
  // The program seals the list with the key (packed-tasks.ts).
  useTestApiKey();
  const args = (overrides: Record<string, unknown> = {}, task: Record<string, unknown> = {}) =>
    ({
      agentId: AGENT_ID,
      callFrom: "0212345678",
      tasks: [{ callTo: "01012345678" }, { callTo: "01023456789", ...task }],
      ...overrides,
    }) as unknown as vox.CampaignArgs;
  const refused = (campaignArgs: vox.CampaignArgs, message: RegExp) =>
    assert.throws(() => new vox.Campaign("values", campaignArgs), withMessage(message));

  it("concurrency: NaN and Infinity", () => {
    refused(args({ concurrency: NaN }), /\[vox:INVALID_INPUTS\][\s\S]*concurrency: is NaN, which is not a number the API can take/);
    refused(args({ concurrency: Infinity }), /concurrency: is Infinity/);
  });

  it("a window's startMin: NaN", () => {
    refused(
      args({ callTimeWindow: { windows: [{ days: ["Monday"], startMin: NaN, endMin: 720 }] } }),
      /callTimeWindow\.windows\[0\]\.startMin: is NaN/,
    );
  });

  it('scheduledAt: new Date("x")', () => {
    refused(args({ scheduledAt: new Date("x") }), /scheduledAt: is an invalid Date/);
  });

  it("NaN in metadata, an undefined prompt variable, an undefined metadata value", () => {
    refused(args({}, { metadata: { score: NaN } }), /tasks\[1\]\.metadata\.score: is NaN/);
    refused(
      args({}, { dynamicVariables: { customerName: undefined } }),
      /tasks\[1\]\.dynamicVariables\.customerName: is undefined, which Pulumi would drop/,
    );
    refused(args({}, { metadata: { nested: { list: [1, undefined] } } }), /tasks\[1\]\.metadata\.nested\.list\[1\]: is undefined/);
  });

  it("lists every problem at once", () => {
    const campaignArgs = args({ concurrency: NaN, scheduledAt: new Date("x") }, { metadata: { score: -Infinity } });
    for (const path of [/concurrency: is NaN/, /scheduledAt: is an invalid Date/, /tasks\[1\]\.metadata\.score: is -Infinity/])
      refused(campaignArgs, path);
  });

  it("still takes a field left out as undefined, and a valid Date", () => {
    assert.doesNotThrow(
      () => new vox.Campaign("left-out", args({ concurrency: undefined, scheduledAt: new Date(Date.now() + 86_400_000) })),
    );
  });
});
