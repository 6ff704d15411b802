import type * as pulumi from "@pulumi/pulumi";

type Runtime = typeof import("./runtime");

/**
 * What Pulumi stores as `__provider` in the state of every campaign, twice (with the inputs and the
 * outputs): the source of a module whose `handler()` the dynamic-provider host calls for the provider
 * object (`@pulumi/pulumi/cmd/dynamic-provider`: `requireFromString(text).handler()`). Ours hands it the
 * installed package's runtime module itself, whose exports are the provider's methods. State thus stays
 * small (55 bytes; a closure serialized by `pulumi.dynamic.Resource` costs about 200 bytes per method, 1,928
 * for ours and 471 for a provider with a single `create`), holds no settings, no logic, no file path of
 * this package and no API key, and a refresh or destroy of a campaign created by an older version runs the
 * version installed now.
 *
 * The host resolves `require` from the Pulumi project directory, where `pulumi-vox` is installed. A change
 * of this text is no change of the resource: the host leaves `__provider` out of its diff.
 */
export const SERIALIZED_PROVIDER = 'exports.handler = () => require("pulumi-vox/runtime");\n';

/**
 * The same provider as an object, for code that calls it in process (tests, scripts): each method loads
 * the installed runtime by its public name when called.
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
