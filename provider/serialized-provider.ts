import type * as pulumi from "@pulumi/pulumi";

type Runtime = typeof import("./runtime");

/**
 * The provider object Pulumi serializes into the state of every campaign. It holds no settings and no
 * logic: each method loads the installed package's runtime by its public name when called. State thus
 * stays small, names no file path of this package, carries no API key, and a refresh or destroy of a
 * campaign created by an older version runs the version installed now.
 *
 * `require` is resolved by the dynamic-provider host from the Pulumi project directory, where
 * `pulumi-vox` is installed.
 */
class CampaignProvider implements pulumi.dynamic.ResourceProvider {
  async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return (require("pulumi-vox/runtime") as Runtime).configure(request);
  }

  async check(olds: any, news: any): Promise<pulumi.dynamic.CheckResult> {
    return (require("pulumi-vox/runtime") as Runtime).check(olds, news);
  }

  async diff(id: string, olds: any, news: any): Promise<pulumi.dynamic.DiffResult> {
    return (require("pulumi-vox/runtime") as Runtime).diff(id, olds, news);
  }

  async create(inputs: any): Promise<pulumi.dynamic.CreateResult> {
    return (require("pulumi-vox/runtime") as Runtime).create(inputs);
  }

  async read(id: string, props: any): Promise<pulumi.dynamic.ReadResult> {
    return (require("pulumi-vox/runtime") as Runtime).read(id, props);
  }

  async update(id: string, olds: any, news: any): Promise<pulumi.dynamic.UpdateResult> {
    return (require("pulumi-vox/runtime") as Runtime).update(id, olds, news);
  }

  async delete(id: string, props: any): Promise<void> {
    return (require("pulumi-vox/runtime") as Runtime).delete(id, props);
  }
}

/** The one provider instance every Campaign uses (Pulumi caches serialization per object). */
export const campaignProvider: pulumi.dynamic.ResourceProvider = new CampaignProvider();
