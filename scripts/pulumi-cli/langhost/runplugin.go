package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// RunPlugin starts a plugin written in Node.js (PulumiPolicy.yaml or PulumiPlugin.yaml with
// `runtime: nodejs`) with @pulumi/pulumi's own runner for its kind, resolved from the plugin's
// directory. The plugin's output goes back to the engine over the RPC stream; the engine reads the
// plugin's gRPC port from the first line of it.
func (h *nodeLanguageHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	ctx := server.Context()
	if req.Info == nil || req.Info.ProgramDirectory == "" {
		return errors.New("RunPlugin: the engine sent no plugin directory")
	}
	pluginDir := req.Info.ProgramDirectory

	streams, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer streams.Close()

	plan := pluginLaunch(req)
	runner, err := resolveModule(pluginDir, plan.runner)
	if err != nil {
		return err
	}
	env := append(append([]string{}, req.Env...), runtimeOptionsEnv(req.Info)...)

	// @pulumi/policy learns the stack (name, config, dry run) from environment variables set before
	// it starts, but the engine only tells an analyzer through its ConfigureStack call. The SDK's
	// PolicyProxy answers that call in the pack's place, then forwards every other call to the pack.
	var proxy *sdk.PolicyProxy
	if plan.isPolicyPack {
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start the policy pack proxy: %w", err)
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("the engine sent no stack configuration for the policy pack: %w", err)
		}
		stackEnv, err := policyStackEnv(stack)
		if err != nil {
			return err
		}
		env = append(env, stackEnv...)
	}

	nodeArgs := append([]string{runner}, plan.args...)
	if plan.isPolicyPack && !typeScriptOption(req.Info) {
		nodeArgs = append([]string{"-e", javaScriptPolicyRunner, filepath.Join(filepath.Dir(runner), "run.js")}, plan.args...)
	}
	cmd := exec.CommandContext(ctx, "node", nodeArgs...)
	cmd.Dir = plan.dir
	cmd.Env = env
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not start node for plugin %s: %w", req.Name, err)
	}
	if proxy != nil {
		err = proxy.Attach(ctx, cmd)
	} else {
		err = cmd.Wait()
	}
	if err != nil {
		return describeExit(req.Name, err)
	}
	return streams.Close()
}

// javaScriptPolicyRunner starts a policy pack as @pulumi/pulumi/cmd/run-policy-pack does, but without
// ts-node: that runner registers ts-node, and so loads the TypeScript compiler (2–3 s on a loaded
// 2-core machine), for every pack, even one whose PulumiPolicy.yaml says `typescript: false` (it passes
// `typeScript: true` whatever the options). Arguments: the runner's run.js, the engine's address, the pack.
// As that runner does, an uncaught error makes the exit code non-zero.
const javaScriptPolicyRunner = `
const [run, _engine, ...program] = process.argv.slice(1);
let failed = false;
process.on("uncaughtException", () => (failed = true));
process.on("unhandledRejection", () => (failed = true));
process.on("exit", (code) => { if (code === 0 && failed) process.exitCode = 1; });
require(run).run({ argv: { _: program }, programStarted: () => {}, reportLoggedError: () => {}, typeScript: false });
`

type launchPlan struct {
	isPolicyPack bool
	runner       string   // module that starts the plugin
	args         []string // arguments after the runner
	dir          string   // working directory
}

// pluginLaunch follows the conventions @pulumi/pulumi's runners expect: a policy pack gets its
// directory as the last argument and runs inside it; any other plugin gets its directory first and
// runs in the engine's working directory.
func pluginLaunch(req *pulumirpc.RunPluginRequest) launchPlan {
	dir := req.Info.ProgramDirectory
	if req.Kind == string(apitype.AnalyzerPlugin) {
		return launchPlan{
			isPolicyPack: true,
			runner:       "@pulumi/pulumi/cmd/run-policy-pack",
			args:         append(append([]string{}, req.Args...), dir),
			dir:          dir,
		}
	}
	return launchPlan{
		runner: "@pulumi/pulumi/cmd/run-plugin",
		args:   append([]string{dir}, req.Args...),
		dir:    req.Pwd,
	}
}

// policyStackEnv is the stack as the variables @pulumi/policy reads at start-up.
func policyStackEnv(stack *pulumirpc.AnalyzerStackConfigureRequest) ([]string, error) {
	if stack == nil {
		return nil, nil
	}
	var env []string
	add := func(name, value string) {
		if value != "" {
			env = append(env, name+"="+value)
		}
	}
	add("PULUMI_NODEJS_ORGANIZATION", stack.Organization)
	add("PULUMI_NODEJS_PROJECT", stack.Project)
	add("PULUMI_NODEJS_STACK", stack.Stack)
	add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.DryRun))
	if stack.Config != nil {
		config, err := json.Marshal(stack.Config)
		if err != nil {
			return nil, fmt.Errorf("could not encode the stack configuration for the policy pack: %w", err)
		}
		add("PULUMI_CONFIG", string(config))
	}
	return env, nil
}

func describeExit(plugin string, err error) error {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return fmt.Errorf("plugin %s exited with code %d (its own messages are above)", plugin, exitErr.ExitCode())
	}
	return fmt.Errorf("plugin %s: %w", plugin, err)
}
