import * as assert from "assert";
import { describeSuppression } from "../../cli/explain/suppression";

const list = (name: string, entries: number, removed: number, digest: string | null = `hmac-sha256:${name}-${entries}`) => ({
  list: name,
  format: name.endsWith(".csv") ? "csv" : "sha256",
  entries,
  digest,
  removed,
});

describe("explain: suppression lists", () => {
  it("says what each list removes, in counts", () => {
    assert.strictEqual(
      describeSuppression(undefined, { suppression: [list("dnc.csv", 100_000, 12), list("optout.sha256", 1, 1)] }),
      "dnc.csv removes 12 tasks (100,000 entries); optout.sha256 removes 1 task (1 entry)",
    );
    assert.strictEqual(describeSuppression({}, {}), undefined);
  });

  it("says what changed since state: size, content of the same size, removals, lists added and dropped", () => {
    const olds = { suppression: [list("dnc.csv", 3_000, 10), list("same.csv", 5, 0, "hmac-sha256:a"), list("old.sha256", 2, 1)] };
    const news = { suppression: [list("dnc.csv", 3_001, 11), list("same.csv", 5, 0, "hmac-sha256:b"), list("new.csv", 1, 0)] };
    assert.strictEqual(
      describeSuppression(olds, news),
      "dnc.csv removes 11 tasks (3,001 entries): changed, 3,000 entries before, removed 10 before; " +
        "same.csv removes 0 tasks (5 entries): changed, same size, other entries; new.csv removes 0 tasks (1 entry), new list; " +
        "old.sha256 no longer applied",
    );
  });

  it("compares no digest that one side lacks (a preview without an API key)", () => {
    assert.strictEqual(
      describeSuppression({ suppression: [list("dnc.csv", 5, 1)] }, { suppression: [list("dnc.csv", 5, 1, null)] }),
      "dnc.csv removes 1 task (5 entries)",
    );
  });

  it("says when the lists are not known yet", () => {
    assert.strictEqual(
      describeSuppression(undefined, { suppressionLists: ["04da6b54-80e4-46f7-96ec-b56ff0331ba9"] }),
      "not known until the update runs",
    );
  });
});
