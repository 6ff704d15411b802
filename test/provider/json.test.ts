import * as assert from "assert";
import { canonicalJson, toPlainJson } from "../../provider/values/json";

describe("canonical JSON and plain JSON", () => {
  it("gives the text state's digests are made of, keys sorted at every depth, undefined left out", () => {
    const tasks = [
      {
        callTo: "01012345678",
        dynamicVariables: { name: "김민수", age: "40" },
        metadata: { b: [1, null, { z: true, a: 1.5 }], skip: undefined },
      },
      { callTo: "01023456789" },
    ];
    assert.strictEqual(
      canonicalJson(tasks),
      '[{"callTo":"01012345678","dynamicVariables":{"age":"40","name":"김민수"},"metadata":{"b":[1,null,{"a":1.5,"z":true}]}},{"callTo":"01023456789"}]',
    );
  });

  it("names the path of a value JSON cannot hold", () => {
    assert.throws(() => toPlainJson({ a: [1, { b: Number.NaN }] }), /^TypeError: result\.a\[1\]\.b is NaN/);
    assert.throws(() => toPlainJson({ a: [Buffer.from("x")] }), /result\.a\[0\] is a Buffer, not plain JSON/);
    assert.deepStrictEqual(toPlainJson({ a: [undefined, 1], b: undefined, c: { d: "x" } }), { a: [null, 1], c: { d: "x" } });
  });
});
