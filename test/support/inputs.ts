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
