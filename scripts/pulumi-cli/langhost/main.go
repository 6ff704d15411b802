// Command pulumi-language-nodejs is a minimal Node.js language host for the Pulumi engine.
//
// Why it exists: the Go module proxy reachable from this project's machines refuses
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 at every version, so the official
// host cannot be built here. The engine talks to a language host over the LanguageRuntime gRPC
// service; running a Node.js program only needs Run (spawn @pulumi/pulumi's cmd/run with the right
// flags and environment), plus the bookkeeping calls below. Everything the program itself does
// (registering resources, serializing dynamic providers) stays in the @pulumi/pulumi npm package.
//
// RunPlugin (runplugin.go) starts Node.js plugins, policy packs above all, so
// `pulumi preview --policy-pack <dir>` works with this host.
//
// Not supported (the engine gets Unimplemented): code generation, `pulumi new` templates and packing.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set at build time to the CLI version, so `pulumi about` shows matching versions.
var version = "3.0.0"

// exitCodeErrorAlreadyReported is the code @pulumi/pulumi's cmd/run exits with after it has logged
// the program's error through the engine; reporting it again would print it twice.
const exitCodeErrorAlreadyReported = 32

type nodeLanguageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	// The engine passes flags (which this host does not need) followed by the engine address last.
	var engineAddress string
	for _, arg := range os.Args[1:] {
		if !strings.HasPrefix(arg, "-") {
			engineAddress = arg
		}
	}
	host := &nodeLanguageHost{engineAddress: engineAddress}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

func (h *nodeLanguageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	if req.EngineAddress != "" {
		h.engineAddress = req.EngineAddress
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *nodeLanguageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GetRequiredPlugins reports none: a program of dynamic resources needs only the
// pulumi-nodejs provider, which the engine finds by itself when the first resource registers.
func (h *nodeLanguageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *nodeLanguageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *nodeLanguageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	nodePath, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("node was not found on PATH")
	}
	out, err := exec.Command(nodePath, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node --version failed: %w", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: nodePath,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

func (h *nodeLanguageHost) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *nodeLanguageHost) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *nodeLanguageHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// Run executes the program with @pulumi/pulumi's own runner, resolved from the program's directory
// so the program and the runner share one copy of the SDK.
func (h *nodeLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	programDir := req.Pwd
	if req.Info != nil && req.Info.ProgramDirectory != "" {
		programDir = req.Info.ProgramDirectory
	}
	runner, err := resolveRunner(programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := []string{runner,
		"--monitor=" + req.MonitorAddress,
		"--engine=" + h.engineAddress,
		"--project=" + req.Project,
		"--stack=" + req.Stack,
		"--pwd=" + req.Pwd,
	}
	if req.Organization != "" {
		args = append(args, "--organization="+req.Organization)
	}
	if req.Info != nil && req.Info.RootDirectory != "" {
		args = append(args, "--root-directory="+req.Info.RootDirectory)
	}
	if req.DryRun {
		args = append(args, "--dry-run")
	}
	if req.Parallel > 0 {
		args = append(args, "--parallel="+strconv.Itoa(int(req.Parallel)))
	}
	args = append(args, entryPoint(req))
	args = append(args, req.Args...)

	env, err := programEnv(req)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = req.Pwd
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	runErr := cmd.Run()

	var exitErr *exec.ExitError
	switch {
	case runErr == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(runErr, &exitErr) && exitErr.ExitCode() == exitCodeErrorAlreadyReported:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(runErr, &exitErr):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
		}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start node: %v", runErr)}, nil
	}
}

func entryPoint(req *pulumirpc.RunRequest) string {
	if req.Info != nil && req.Info.EntryPoint != "" {
		return req.Info.EntryPoint
	}
	if req.Program != "" {
		return req.Program
	}
	return "."
}

func resolveRunner(programDir string) (string, error) {
	return resolveModule(programDir, "@pulumi/pulumi/cmd/run")
}

// resolveModule finds a module the way Node would from dir, so a program or a policy pack runs with
// the copy of @pulumi/pulumi it installed itself. A runner in a node_modules folder at or above dir is
// found here; only anything else costs a Node.js start (a second or more on a loaded machine) to ask.
func resolveModule(dir, module string) (string, error) {
	for folder := dir; ; folder = filepath.Dir(folder) {
		candidate := filepath.Join(folder, "node_modules", filepath.FromSlash(module))
		for _, file := range []string{candidate + ".js", filepath.Join(candidate, "index.js")} {
			if info, err := os.Stat(file); err == nil && info.Mode().IsRegular() {
				return file, nil
			}
		}
		if filepath.Dir(folder) == folder {
			break
		}
	}
	cmd := exec.Command("node", "-e", "process.stdout.write(require.resolve(process.argv[1]))", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf(
			"could not find %s from %s: run `npm install` in %s first (%v)", module, dir, dir, err)
	}
	return filepath.Clean(string(out)), nil
}

// programEnv passes config the way @pulumi/pulumi reads it (PULUMI_CONFIG as JSON) and maps the
// Pulumi.yaml runtime options `typescript` (default true) and `tsconfig`.
func programEnv(req *pulumirpc.RunRequest) ([]string, error) {
	config, err := json.Marshal(req.Config)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(req.ConfigSecretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
	)
	return append(env, runtimeOptionsEnv(req.Info)...), nil
}

// runtimeOptionsEnv maps the runtime options of Pulumi.yaml or PulumiPolicy.yaml, `typescript`
// (default true) and `tsconfig`, to the variables @pulumi/pulumi's runners read.
func runtimeOptionsEnv(info *pulumirpc.ProgramInfo) []string {
	options := map[string]any{}
	if info != nil && info.Options != nil {
		options = info.Options.AsMap()
	}
	env := []string{"PULUMI_NODEJS_TYPESCRIPT=" + strconv.FormatBool(typeScriptOption(info))}
	if v, ok := options["tsconfig"].(string); ok && v != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+v)
	}
	return env
}

// typeScriptOption is the runtime option `typescript` of PulumiPolicy.yaml or Pulumi.yaml (default true).
func typeScriptOption(info *pulumirpc.ProgramInfo) bool {
	if info == nil || info.Options == nil {
		return true
	}
	if v, ok := info.Options.AsMap()["typescript"].(bool); ok {
		return v
	}
	return true
}
