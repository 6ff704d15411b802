/** Exit codes: 1 when the input is invalid, 2 when the command line is, 3 when drift reports a change made in vox.ai. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, drift: 3 } as const;

/** A mistake on the command line; the CLI prints it with a pointer to `--help` and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The text of `pulumi-vox --help`. */
export const HELP = `pulumi-vox: checks and explains vox.ai campaign files kept in git.

Usage:
  pulumi-vox validate [path ...]   Validate campaign files and the contact lists they name
  pulumi-vox explain [file]        Summarize \`pulumi preview --json\` output as Markdown
  pulumi-vox status [options]      Live progress of a stack's campaigns
  pulumi-vox doctor [options]      Check the API URL, key, organization and agent
  pulumi-vox drift [file]          Report changes made in vox.ai, from a refresh preview
  pulumi-vox --help                Show this help
  pulumi-vox --version             Show the version

validate [path ...]
  Each path is a campaign file (.yaml, .yml, .json), a contact list (.csv, or .json holding an
  array), or a directory whose campaign files are checked (not its subdirectories). Default: campaigns
  Checks every file against the vox.Campaign schema and reads every contact list a tasksFile
  names (CSV or JSON; CSV in UTF-8 or CP949, detected). Prints every error with its file, line
  and field or column, a warning for repeated numbers, night call windows and past start times,
  and one OK line per valid file: its name, task count and call windows. Needs no Pulumi, no
  credentials and no network. Phone numbers are never printed in full.

explain [file] [--base REV]
  Reads the JSON of \`pulumi preview --json\` from the file, or from standard input, and prints a
  Markdown summary for a pull request comment: the stack; with several campaigns a table first; per
  campaign, create, update, replace, delete, rename (\`aliases\`) or unchanged; task counts (never
  numbers); the caller id people see; call windows in HH:MM; for a campaign created paused, whether a
  window is open now; the redial guard; how old the compared state is; what a preview without an API
  key could not check; and a warning for windows that reach into 21:00-08:00 Korean time.
  --base REV compares each contact-list file with its version at git revision REV (e.g. origin/main)
  and counts the rows added, removed and changed.
    pulumi preview --json | pulumi-vox explain --base origin/main > summary.md
  Given an update plan (\`pulumi preview --save-plan plan.json\`) instead, it summarizes what
  \`pulumi up --plan plan.json\` will apply: each campaign's operation, the inputs it changes, task
  counts and digests.
    pulumi-vox explain plan.json > plan.md

drift [file]
  Reads the engine events of a refresh preview from the file, or from standard input, and prints
  a Markdown report of each change made in vox.ai since state was written (a pause or resume, a
  rename, a call window, concurrency, a cancel, a campaign gone) with the command that puts it
  back and the edit that takes it in. One GET per campaign, made by the refresh; never a number.
    PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true pulumi refresh --preview-only --json | pulumi-vox drift
  (Without the variable Pulumi prints a document that does not hold what the refresh read.)

status [--id ID ...] [--export FILE | --stack NAME] [--watch] [--interval S] [--json]
       [--api-key-env NAME]
  The campaigns of the current stack (found with \`pulumi stack export\`), of a saved export
  (--export FILE, - for standard input), or the --id campaigns, with their live status: a bar of
  completed, failed and remaining calls, the calls in progress, calls per minute (a moving average
  over the last minute), the time left, when a waiting campaign starts and when one paused outside
  its windows resumes. Rows are in resource-name order; campaigns the stack only reads
  (Campaign.get) are marked read-only. One request per 500 campaigns a round (the list endpoint).
  --watch redraws every --interval seconds (default 5), each round headed by the stack, the time and
  the interval, until every campaign is settled (finished, or paused by a user); --json prints one
  JSON document per round. The API key comes from VOX_API_KEY (or the variable --api-key-env names),
  else from \`pulumi config get vox:apiKey\` of the stack; the URL from VOX_BASE_URL or vox:baseUrl.

doctor [--agent UUID] [--organization ORG] [--stack NAME] [--api-key-env NAME]
  For a new setup and for CI: one request checks that the API URL answers, that it accepts the key
  and which organization the key belongs to (compared with --organization when given); a second
  one, with --agent, whether that organization's campaigns use the agent. Settings come from
  the environment and, inside a Pulumi project, the stack config, as for status. One line per
  check (✓ OK, ✗ failed, ! worth a look, - not checked) with what to do; exit 1 when one failed.

Exit status:
  0  valid (warnings allowed); explain: a summary was written
  1  invalid campaign files or contact lists; explain: the input is empty or not preview JSON;
     status: the API or the stack could not be read; doctor: a check failed; drift: the input is
     not a refresh preview that read every campaign
  2  usage error (unknown command or option, missing path)
  3  drift: a change made in vox.ai was found (the report lists it)
`;
