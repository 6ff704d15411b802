/** The policy pack `pulumi preview --policy-pack node_modules/pulumi-vox/policy` runs (policy/package.json names it as main). */
import { PolicyPack } from "@pulumi/policy";
import { compliancePolicies } from "./policies";

new PolicyPack("pulumi-vox-compliance", {
  description: "Korean call-campaign rules for vox.ai campaigns: night calls, 두낫콜, holidays, caller ids, caps, personal data.",
  policies: compliancePolicies(),
});
