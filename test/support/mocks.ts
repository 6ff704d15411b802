import * as pulumi from "@pulumi/pulumi";

/** What a program registered under Pulumi's mocks, and how to read its outputs without an engine. */
export interface Registrations {
  /** Every resource registered so far, in order. */
  readonly registered: pulumi.runtime.MockResourceArgs[];
  /** The last resource registered. */
  last(): pulumi.runtime.MockResourceArgs;
  /** The value an output settles on. */
  output<T>(value: pulumi.Output<T>): Promise<T>;
}

/**
 * Registers a `before` hook that runs the suite under Pulumi's mocks: each resource is recorded and
 * answers its inputs, with `outputs` added, as its state.
 */
export function useMockRegistrations(outputs: Record<string, unknown> = {}): Registrations {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return { id: `mock-${args.name}`, state: { ...args.inputs, ...outputs } };
        },
        call: () => ({}),
      },
      "mock-project",
      "mock-stack",
      false,
    );
  });
  return {
    registered,
    last: () => registered[registered.length - 1],
    output: <T>(value: pulumi.Output<T>) => new Promise<T>((resolve) => value.apply(resolve)),
  };
}
