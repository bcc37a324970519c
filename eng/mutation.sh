#!/usr/bin/env bash
# Mutation testing of one part of the project with Stryker.NET (a local tool: dotnet tool restore).
#
#   eng/mutation.sh PART [-m GLOB]... [--concurrency N]
#
# PART: runtime | generator | emulator | cli | sync | spreadsheets (the import's reading and writing) | protocol (the
# protocol facts in protocol/, compiled into several assemblies: measured once, in the generator, and left out of
# every other part). -m limits the run to files matching a glob (relative to the part's project, e.g.
# -m "**/Json/*.cs"), so that a part can be measured in pieces of under an hour on two cores.
# Writes Stryker's reports under the test project's StrykerOutput/, prints the score per file, and exits non-zero
# when the part's score is under the threshold (80%, or H3YUN_MUTATION_THRESHOLD).
# docs/contributing/testing.md has the current figures and the commit each was measured at.
set -euo pipefail
cd "$(dirname "$0")/.."

part=${1:?"usage: eng/mutation.sh runtime|generator|emulator|cli|sync|spreadsheets|protocol [-m GLOB]... [--concurrency N]"}
shift
scope=(-m '!**/protocol/**')
case "$part" in
    runtime)   tests=tests/H3Yun.Runtime.Tests;    project=H3Yun.Runtime.csproj ;;
    generator) tests=tests/H3Yun.Generators.Tests; project=H3Yun.Generators.csproj ;;
    emulator)  tests=tests/H3Yun.Emulator.Tests;   project=H3Yun.Emulator.csproj ;;
    cli)       tests=tests/H3Yun.Cli.Tests;        project=H3Yun.Cli.csproj ;;
    sync)      tests=tests/H3Yun.Sync.Tests;       project=H3Yun.Sync.csproj ;;
    spreadsheets) tests=tests/H3Yun.Spreadsheets.Tests; project=H3Yun.Spreadsheets.csproj ;;
    protocol)  tests=tests/H3Yun.Generators.Tests; project=H3Yun.Generators.csproj; scope=(-m '**/protocol/**') ;;
    *) echo "Unknown part '$part': runtime, generator, emulator, cli, sync, spreadsheets or protocol." >&2; exit 2 ;;
esac
threshold=${H3YUN_MUTATION_THRESHOLD:-80}

dotnet tool restore >/dev/null
# The model-based tests and the schema fuzzer run shorter for each mutant; CI runs their full size.
export H3YUN_MODEL_ITERATIONS=${H3YUN_MODEL_ITERATIONS:-200} H3YUN_SYNC_MODEL_ITERATIONS=${H3YUN_SYNC_MODEL_ITERATIONS:-60}
export H3YUN_SCHEMA_FUZZ_VARIANTS=${H3YUN_SCHEMA_FUZZ_VARIANTS:-200}
config=()
[ -f "$tests/stryker-config.json" ] && config=(--config-file stryker-config.json)
started=$(date +%s)
(cd "$tests" && dotnet stryker "${config[@]}" --project "$project" --threshold-low "$threshold" --break-at 0 \
    --reporter json --reporter html --reporter cleartext "${scope[@]}" "$@")

# A test host that Stryker stops on a timeout cannot stop the PostgreSQL server its tests started
# (tests/H3Yun.Sync.Tests/Support/PostgreSqlServer.cs): stop any such server left behind.
for pid_file in "${TMPDIR:-/tmp}"/h3yun-pg-*/data/postmaster.pid; do
    [ -f "$pid_file" ] || continue
    kill -INT "$(head -1 "$pid_file")" 2>/dev/null && echo "Stopped a PostgreSQL server left by a killed test host: ${pid_file%/data/postmaster.pid}"
    sleep 1
    rm -rf "${pid_file%/data/postmaster.pid}"
done

report=$(ls -t "$tests"/StrykerOutput/*/reports/mutation-report.json | head -1)
echo "Report: $report ($(( ($(date +%s) - started) / 60 )) min)"
python3 - "$report" "$threshold" <<'PY'
import json, sys
report, threshold = json.load(open(sys.argv[1])), float(sys.argv[2])
killed_states = {"Killed", "Timeout"}
counted_states = killed_states | {"Survived", "NoCoverage"}

def configure_await_flag(mutant, lines):
    # ConfigureAwait(false) -> true: equivalent in every test (docs/contributing/testing.md, "Mutants set aside").
    start = mutant["location"]["start"]
    line = lines[start["line"] - 1]
    return mutant["mutatorName"] == "Boolean mutation" and line[:start["column"] - 1].endswith("ConfigureAwait(")

total_killed = total_counted = set_aside = 0
for path, data in sorted(report["files"].items()):
    lines = data["source"].split("\n")
    mutants = [m for m in data["mutants"] if m["status"] in counted_states]
    flags = [m for m in mutants if configure_await_flag(m, lines)]
    states = [m["status"] for m in mutants if m not in flags]
    killed = sum(s in killed_states for s in states)
    total_killed += killed
    total_counted += len(states)
    set_aside += len(flags)
    if states:
        print(f"{100 * killed / len(states):6.1f}%  {killed:4}/{len(states):<4} {path}")
score = 100 * total_killed / total_counted if total_counted else 100.0
print(f"score {score:.1f}% ({total_killed} of {total_counted} mutants killed; timeouts count as killed; "
      f"{set_aside} ConfigureAwait flags set aside)")
sys.exit(0 if score >= threshold else 1)
PY
