import { spawn } from "child_process";

/** What a command printed, and its exit code. */
export interface ShellRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` with bash, so pipes are real shell pipes, without blocking this process (an emulator
 * in this process may have to answer the command). Standard input is closed.
 */
export function shell(command: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ShellRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
