import * as fs from "fs";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..");

/** The package's bins, as package.json names them and users run them. */
const BINS = { "pulumi-vox": "dist/cli/index.js", "vox-emulator": "dist/emulator/cli.js" } as const;
/** The folders dist/ is compiled from. */
const SOURCES = ["cli", "emulator", "provider"];

/** The newest modification time of a .ts file under `dir`, in ms. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

let checked = false;

/**
 * The built script of a bin, to run with `node`: tests of a command line run it as users do, and start
 * it in a fraction of the time ts-node needs to compile the source in every child process. `npm test`
 * builds dist/ first; one test file run on its own after a source change stops here until `npm run build`.
 */
export function builtBin(name: keyof typeof BINS): string {
  const script = path.join(REPO, BINS[name]);
  if (!checked) {
    const built = fs.existsSync(script) ? fs.statSync(script).mtimeMs : 0;
    const source = Math.max(...SOURCES.map((dir) => newestSource(path.join(REPO, dir))));
    if (built < source) throw new Error(`dist/ is older than the source (or missing): run \`npm run build\` before this test`);
    checked = true;
  }
  return script;
}
