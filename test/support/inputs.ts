/** The agent of every test campaign. */
export const AGENT_ID = "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f";

/** Raw inputs as a program would send them: spellings the provider must normalize. */
export function rawInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Renewal reminder",
    agentId: AGENT_ID,
    callFrom: "02-1234-5678",
    concurrency: 2,
    callTimeWindow: {
      windows: [
        { days: ["Friday", "Monday", "Tuesday", "Wednesday", "Thursday"], start: "09:00", end: "12:00" },
        { days: ["mon", "Tue", "WEDNESDAY"], start: "13:00", end: "20:00" },
      ],
    },
    tasks: [
      { callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수" } },
      { callTo: "+82 10 2345 6789", metadata: { crmId: "C-1042" } },
    ],
    ...overrides,
  };
}

/** `count` distinct valid mobile numbers. */
export function tasks(count: number): Array<{ call_to: string }> {
  return Array.from({ length: count }, (_, index) => ({ call_to: `010${String(10_000_000 + index)}` }));
}

/** A create body as the API takes it (the wire's snake_case), 3 tasks; overrides replace top-level fields (undefined removes one). */
export function campaignBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: "Spring reminder",
    call_from: "0212345678",
    agent_id: AGENT_ID,
    tasks: tasks(3),
    ...overrides,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}
