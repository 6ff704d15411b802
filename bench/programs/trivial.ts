/**
 * The floor of the Pulumi CLI rows: one trivial dynamic resource per entry of campaigns.json (the file
 * the vox bench program reads), whose provider does nothing at all.
 */
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create() {
    return { id: "x", outs: {} };
  },
};

class Trivial extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(provider, name, {}, undefined);
  }
}

for (const spec of JSON.parse(fs.readFileSync("campaigns.json", "utf8")) as { name: string }[]) new Trivial(spec.name);
