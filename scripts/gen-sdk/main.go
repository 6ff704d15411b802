// Command gen-sdk writes the Python and Go SDKs of the native provider from schema/provider.schema.json
// with Pulumi's own code generators (pkg/v3/codegen at the CLI's version): `pulumi package gen-sdk` needs
// the Python and Go language hosts, which the Go module proxy does not serve.
//
//	go run . <schema.json> <out dir>   (writes <out>/python and <out>/go)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 3 {
		fail(fmt.Errorf("usage: gen-sdk <schema.json> <out dir>"))
	}
	text, err := os.ReadFile(os.Args[1])
	fail(err)
	var spec schema.PackageSpec
	fail(json.Unmarshal(text, &spec))
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	fail(err)
	if diags.HasErrors() {
		fail(diags)
	}
	files, err := python.GeneratePackage("pulumi-vox", pkg, nil, noPackages{})
	fail(err)
	write(filepath.Join(os.Args[2], "python"), files)
	files, err = gogen.GeneratePackage("pulumi-vox", pkg, nil)
	fail(err)
	write(filepath.Join(os.Args[2], "go"), files)
}

// noPackages loads no other package: the schema refers to none (its only outside type is pulumi.json#/Any).
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the vox schema refers to no other package, not %s", name)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, nil)
}

func (l noPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the vox schema refers to no other package, not %s", name)
}

func (l noPackages) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, nil)
}

func write(dir string, files map[string][]byte) {
	for name, content := range files {
		path := filepath.Join(dir, name)
		fail(os.MkdirAll(filepath.Dir(path), 0o755))
		fail(os.WriteFile(path, content, 0o644))
	}
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-sdk:", err)
		os.Exit(1)
	}
}
