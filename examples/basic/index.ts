import * as pulumi from "@pulumi/pulumi";
import * as vox from "pulumi-vox";

// A renewal reminder: two customers, called on weekday mornings and early in the week in the afternoon.
const config = new pulumi.Config("demo");

const reminder = new vox.Campaign("renewal-reminder", {
  name: config.get("campaignName") ?? "Renewal reminder",
  agentId: config.get("agentId") ?? "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f",
  callFrom: "02-1234-5678",
  concurrency: 2,
  callTimeWindow: {
    windows: [
      { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], start: "09:00", end: "12:00" },
      { days: ["Monday", "Tuesday", "Wednesday"], start: "13:00", end: "20:00" },
    ],
    timezone: "Asia/Seoul",
  },
  tasks: [
    { callTo: "010-1234-5678", dynamicVariables: { customerName: "김민수", plan: "Premium" } },
    { callTo: "010-2345-6789", dynamicVariables: { customerName: "이서연", plan: "Basic" }, metadata: { crmId: "C-1042" } },
  ],
});

export const id = reminder.id;
export const status = reminder.status;
export const taskCount = reminder.taskCount;
export const completedCalls = reminder.completedCalls;
export const failedCalls = reminder.failedCalls;
