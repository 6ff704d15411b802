import * as pulumi from "@pulumi/pulumi";

/**
 * A program's time input (`scheduledAt`) as ISO text: a `Date` must become text in the program, since
 * pulumi.output() would unwrap it into an empty object. Both doors' program classes use it.
 */
export function isoTimeInput(value: pulumi.Input<string | Date> | undefined): pulumi.Input<string> | undefined {
  const toIso = (v: string | Date) => (v instanceof Date ? v.toISOString() : v);
  if (value === undefined || typeof value === "string" || value instanceof Date) return value && toIso(value);
  if (pulumi.Output.isInstance(value)) return value.apply(toIso);
  return Promise.resolve(value).then(toIso);
}
