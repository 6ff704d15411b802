import assert from "node:assert/strict";
import { Clock } from "../../emulator/clock";

describe("emulator clock", () => {
  let real: number;
  const realNow = () => real;
  beforeEach(() => {
    real = 5_000;
  });

  it("runs at real time × speed from its start, in whole milliseconds", () => {
    const clock = new Clock(1_000_000, 60, realNow);
    real += 1000;
    assert.equal(clock.now(), 1_060_000);
    real += 0.01;
    assert.equal(clock.now(), 1_060_000, "0.6 ms is not a millisecond yet");
  });

  it("is frozen at speed 0 except for advance and set", () => {
    const clock = new Clock(1_000_000, 0, realNow);
    real += 60_000;
    assert.equal(clock.now(), 1_000_000);
    assert.equal(clock.advance(500), 1_000_500);
    assert.equal(clock.set(2_000_000), 2_000_000);
    real += 60_000;
    assert.equal(clock.now(), 2_000_000);
  });

  it("keeps running at its speed after advance and set", () => {
    const clock = new Clock(0, 2, realNow);
    clock.advance(100);
    real += 10;
    assert.equal(clock.now(), 120);
    clock.set(1000);
    real += 10;
    assert.equal(clock.now(), 1020);
  });

  it("refuses a negative or infinite speed", () => {
    assert.throws(() => new Clock(0, -1, realNow), RangeError);
    assert.throws(() => new Clock(0, Infinity, realNow), RangeError);
  });
});
