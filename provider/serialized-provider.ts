import type * as pulumi from "@pulumi/pulumi";

type Runtime = typeof import("./runtime");

/**
 * The provider object Pulumi serializes into the state of every campaign, twice (with the inputs and the
 * outputs). It holds no settings and no logic: each method loads the installed package's runtime by its
 * public name when called. State thus stays small, names no file path of this package, carries no API
 * key, and a refresh or destroy of a campaign created by an older version runs the version installed now.
 *
 * A plain object of arrow functions: a class costs a constructor and a prototype in the serialized text
 * (3.4 KB then, 1.9 KB now; test/provider/serialization.test.ts holds the size).
 *
 * `require` is resolved by the dynamic-provider host from the Pulumi project directory, where
 * `pulumi-vox` is installed.
 */
export const campaignProvider: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => (require("pulumi-vox/runtime") as Runtime).configure(...args),
  check: (...args) => (require("pulumi-vox/runtime") as Runtime).check(...args),
  diff: (...args) => (require("pulumi-vox/runtime") as Runtime).diff(...args),
  create: (...args) => (require("pulumi-vox/runtime") as Runtime).create(...args),
  read: (...args) => (require("pulumi-vox/runtime") as Runtime).read(...args),
  update: (...args) => (require("pulumi-vox/runtime") as Runtime).update(...args),
  delete: (...args) => (require("pulumi-vox/runtime") as Runtime).delete(...args),
};
