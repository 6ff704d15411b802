import { UserFacingError } from "../errors";

/**
 * Whether this process is Pulumi's dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`), as
 * opposed to a program (getCampaign), a test or a script calling the runtime.
 */
export const IN_PROVIDER_HOST = /[\\/]cmd[\\/]dynamic-provider[\\/]index\.js$/.test(require.main?.filename ?? "");

/**
 * The host prints `${error}: ${error.stack}` to stderr before the engine shows the error on the resource,
 * so a preview would show a user-facing message three times, with a stack trace into files the package
 * does not ship. In the host, such an error keeps its message (what the engine shows) and prints only a
 * pointer to it on stderr. Internal faults keep their stack: a bug report needs it.
 */
export function reportedByTheEngine<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!IN_PROVIDER_HOST) return method;
  return async (...args) => {
    try {
      return await method(...args);
    } catch (error) {
      if (error instanceof UserFacingError) {
        Object.defineProperty(error, "stack", { value: "the error is shown on the resource below" });
        Object.defineProperty(error, "toString", { value: () => "pulumi-vox" });
      }
      throw error;
    }
  };
}
