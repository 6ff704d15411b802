#!/usr/bin/env bash
# The tests that need no Pulumi CLI (npm test's fast tier), with the machine's clock moved to each date
# given (default: a few odd ones), through faketime (Debian package `faketime`). Tests read the time from
# the test emulator's calendar, which follows the machine's clock, or from a clock they hand the code under
# test, so they pass on any date. The clock runs on from each date, as a real one does.
#
#   bash scripts/test-any-date.sh                                   the default dates
#   bash scripts/test-any-date.sh '2041-12-31 14:59:30'             dates of your own (UTC, as `date -d` reads them)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
if ! command -v faketime > /dev/null; then
  echo "test-any-date: needs faketime (Debian/Ubuntu: apt-get install -y faketime)" >&2
  exit 2
fi
dates=("$@")
if [[ ${#dates[@]} -eq 0 ]]; then
  dates=(
    "2028-02-29 12:00:00" # a leap day
    "2027-03-07 14:30:00" # Sunday 23:30 in Seoul: the test week starts tomorrow there
    "2031-12-31 23:59:00" # New Year's Eve, its last minute, years ahead
    "2099-03-01 00:00:00" # far ahead
    "2024-11-30 08:00:00" # before this was written: a test of a date "in the future" must not be one fixed date
  )
fi
# Built once, on the real clock; each date then runs the fast tier on that build.
bash scripts/bootstrap.sh > /dev/null
# Every date runs, so one run tells all the dates that fail.
failed=()
for date in "${dates[@]}"; do
  echo "== tests on $(faketime "$date" date -u '+%Y-%m-%d %H:%M %A UTC')" >&2
  TEST_BUILT=1 faketime "$date" bash scripts/test.sh fast --reporter dot || failed+=("$date")
done
if [[ ${#failed[@]} -gt 0 ]]; then
  printf 'test-any-date: failed on %s\n' "${failed[@]}" >&2
  exit 1
fi
