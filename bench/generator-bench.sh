#!/usr/bin/env bash
# Generator benchmark: AutoSDK's CLI (the ./autosdk launcher) versus OpenAPI Generator 7.25.0 (-g java --library native) on three real
# specs, as whole processes with default JVM settings, alternating the two tools, several runs each. Prints the
# median wall time, CPU time (user + sys, which a loaded machine disturbs less), the peak RSS (/usr/bin/time -f %M)
# and the ratios per spec, then whether each tool's output
# compiles.
#
#   bench/generator-bench.sh               # 3 runs per tool and spec, then the compile checks
#   RUNS=5 bench/generator-bench.sh        # more runs
#   COMPILE_CHECK=0 bench/generator-bench.sh   # timings only
#   OAG_DEPS=online bench/generator-bench.sh   # let Maven fetch OpenAPI Generator's output dependencies
#   SPECS=openai RUNS=1 COMPILE_CHECK=0 bench/generator-bench.sh   # one quick pair on the OpenAI spec
#
# Environment: CORPUS (default ../shared/corpus beside the project root, else ./corpus), RUNS (3),
# COMPILE_CHECK (1), OAG_DEPS (offline | online; default offline: its output is checked only with what ~/.m2 has),
# SPECS (the spec ids to run, space-separated: openai elevenlabs xai; default all three).
# Outputs stay in bench/target/generator-bench/ for inspection.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

RUNS="${RUNS:-3}"
COMPILE_CHECK="${COMPILE_CHECK:-1}"
OAG_DEPS="${OAG_DEPS:-offline}"
OAG_VERSION=7.25.0
JACKSON_VERSION=2.23.0
if [ -z "${CORPUS:-}" ]; then
  if [ -d "$root/../shared/corpus" ]; then CORPUS="$root/../shared/corpus"; else CORPUS="$root/corpus"; fi
fi
CORPUS="$(cd "$CORPUS" && pwd)"
[ -x /usr/bin/time ] || { echo "generator-bench: /usr/bin/time is required (Debian package 'time')" >&2; exit 2; }

work="$root/bench/target/generator-bench"
tools="$root/bench/target/tools"
mkdir -p "$work" "$tools"

# ---- the two tools ------------------------------------------------------------------------------
./autosdk --version >/dev/null   # builds cli/target/autosdk-cli-VERSION.jar when missing or older than the sources
# One untimed run records the launcher's class-data-sharing archive (cli/target/autosdk-cli-VERSION.jsa), as a user's first run
# does; the timed runs then map it (AUTOSDK_CDS=0 measures without it).
rm -rf "$work/warm-up"
./autosdk generate "$CORPUS/tryAGI-Xai/openapi.yaml" -n bench.warmup -o "$work/warm-up" >/dev/null 2>&1
oag_jar="$tools/openapi-generator-cli-$OAG_VERSION.jar"
if [ ! -f "$oag_jar" ]; then
  echo "generator-bench: fetching openapi-generator-cli $OAG_VERSION from Maven Central..." >&2
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$OAG_VERSION" -DoutputDirectory="$tools" >&2
fi
jackson_jar="$HOME/.m2/repository/com/fasterxml/jackson/core/jackson-core/$JACKSON_VERSION/jackson-core-$JACKSON_VERSION.jar"
if [ ! -f "$jackson_jar" ]; then
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
    -Dartifact="com.fasterxml.jackson.core:jackson-core:$JACKSON_VERSION" >&2
fi

# spec id | file | our package
all_specs=(
  "openai|tryAGI-OpenAI/openapi.yaml|bench.openai"
  "elevenlabs|tryAGI-ElevenLabs/openapi.json|bench.elevenlabs"
  "xai|tryAGI-Xai/openapi.yaml|bench.xai"
)
SPECS="${SPECS:-openai elevenlabs xai}"
specs=()
for entry in "${all_specs[@]}"; do
  for wanted in $SPECS; do [ "${entry%%|*}" = "$wanted" ] && specs+=("$entry"); done
done
[ "${#specs[@]}" -gt 0 ] || { echo "generator-bench: SPECS names none of: openai elevenlabs xai" >&2; exit 2; }

# Runs one tool once into a fresh folder; appends "seconds kilobytes cpu-seconds" to $work/<spec>.<tool>.times.
run_tool() {
  local tool="$1" id="$2" spec="$3" pkg="$4"
  local out="$work/$id/$tool" log="$work/$id.$tool.log" t="$work/$id.$tool.time"
  rm -rf "$out"; mkdir -p "$out"
  local status=0
  if [ "$tool" = autosdk ]; then
    # The ./autosdk launcher, as users run it: one JVM with the short-run options and the CDS archive.
    /usr/bin/time -f "%e %M %U %S" -o "$t" ./autosdk generate "$spec" -n "$pkg" -o "$out" >"$log" 2>&1 || status=$?
  else
    # maxYamlCodePoints: swagger-parser's override of SnakeYAML's 3 MB input limit (the OpenAI spec is 3.6 MB).
    # --skip-validate-spec: its validator rejects the OpenAI spec (x-oai-* extensions "reserved by the
    # OpenAPI Initiative"); skipping it only makes OpenAPI Generator faster.
    /usr/bin/time -f "%e %M %U %S" -o "$t" java -DmaxYamlCodePoints=99999999 -jar "$oag_jar" generate -i "$spec" \
      -g java --library native --skip-validate-spec -o "$out" >"$log" 2>&1 || status=$?
  fi
  if [ "$status" -ne 0 ]; then
    echo "generator-bench: $tool failed on $id (exit $status), see $log" >&2
    tail -5 "$log" >&2
    return 1
  fi
  tail -1 "$t" | awk '{print $1, $2, $3 + $4}' >> "$work/$id.$tool.times"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "generator-bench: $RUNS runs per tool and spec, alternating; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
declare -A ours_t ours_m ours_c oag_t oag_m oag_c
for entry in "${specs[@]}"; do
  IFS='|' read -r id file pkg <<<"$entry"
  spec="$CORPUS/$file"
  rm -f "$work/$id.autosdk.times" "$work/$id.openapi-generator.times"
  for ((i = 1; i <= RUNS; i++)); do
    # Alternate which tool goes first so that neither always runs on a warmer page cache.
    if (( i % 2 )); then order=(autosdk openapi-generator); else order=(openapi-generator autosdk); fi
    for tool in "${order[@]}"; do
      echo "  $id run $i/$RUNS: $tool" >&2
      run_tool "$tool" "$id" "$spec" "$pkg"
    done
  done
  ours_t[$id]=$(cut -d' ' -f1 "$work/$id.autosdk.times" | median)
  ours_m[$id]=$(cut -d' ' -f2 "$work/$id.autosdk.times" | median)
  ours_c[$id]=$(cut -d' ' -f3 "$work/$id.autosdk.times" | median)
  oag_t[$id]=$(cut -d' ' -f1 "$work/$id.openapi-generator.times" | median)
  oag_m[$id]=$(cut -d' ' -f2 "$work/$id.openapi-generator.times" | median)
  oag_c[$id]=$(cut -d' ' -f3 "$work/$id.openapi-generator.times" | median)
done

echo
echo "Generator benchmark ($(date -u +%Y-%m-%d), $RUNS runs each, medians; ratio = OpenAPI Generator / AutoSDK)"
printf "%-11s %10s %10s %10s %10s %10s %10s %7s %7s %7s\n" spec "autosdk s" "cpu s" "MB" "oag s" "cpu s" "MB" \
  "time x" "cpu x" "RSS x"
for entry in "${specs[@]}"; do
  IFS='|' read -r id file pkg <<<"$entry"
  awk -v id="$id" -v a="${ours_t[$id]}" -v ac="${ours_c[$id]}" -v am="${ours_m[$id]}" -v b="${oag_t[$id]}" \
      -v bc="${oag_c[$id]}" -v bm="${oag_m[$id]}" 'BEGIN {
    printf "%-11s %10.2f %10.2f %10.0f %10.2f %10.2f %10.0f %7.1f %7.1f %7.1f\n", id, a, ac, am/1024, b, bc, bm/1024, b/a, bc/ac, bm/am }'
done
if [ -n "${ours_t[openai]:-}" ]; then
  awk -v a="${ours_t[openai]}" -v am="${ours_m[openai]}" -v b="${oag_t[openai]}" -v ac="${ours_c[openai]}" \
      -v bc="${oag_c[openai]}" 'BEGIN {
    printf "\nTargets on the OpenAI spec: >= 10x faster: %s (%.1fx CPU, %.1fx wall); under 5 s: %s (%.2f s); peak RSS under 1 GB: %s (%.0f MB)\n",
      (bc/ac >= 10 ? "met" : "MISSED"), bc/ac, b/a, (a < 5 ? "met" : "MISSED"), a, (am < 1048576 ? "met" : "MISSED"), am/1024 }'
fi

[ "$COMPILE_CHECK" = 1 ] || exit 0

# ---- does the output compile? -------------------------------------------------------------------
echo
echo "Compile check of the last run's output"
for entry in "${specs[@]}"; do
  IFS='|' read -r id file pkg <<<"$entry"
  # AutoSDK: plain javac over every generated source, with jackson-core (its only dependency).
  out="$work/$id/autosdk"; classes="$work/$id/autosdk-classes"
  rm -rf "$classes"; mkdir -p "$classes"
  find "$out" -name '*.java' > "$work/$id.autosdk.sources"
  n=$(wc -l < "$work/$id.autosdk.sources")
  if javac -nowarn -J-Xss4m -encoding UTF-8 --release 17 -cp "$jackson_jar" -d "$classes" @"$work/$id.autosdk.sources" \
      > "$work/$id.autosdk.javac.log" 2>&1; then
    echo "  $id autosdk: compiles ($n files, javac + jackson-core)"
  else
    echo "  $id autosdk: DOES NOT COMPILE ($n files), see $work/$id.autosdk.javac.log: $(grep -c 'error:' "$work/$id.autosdk.javac.log") errors"
  fi

  # OpenAPI Generator: its output is a Maven project (jackson-databind, jsr310, jackson-databind-nullable,
  # jakarta annotations, ...); compiled with what ~/.m2 has (offline), or with Maven Central when OAG_DEPS=online.
  out="$work/$id/openapi-generator"
  mvn_mode=(-o); [ "$OAG_DEPS" = online ] && mvn_mode=()
  if (cd "$out" && mvn -B -q -Dstyle.color=never "${mvn_mode[@]}" -DskipTests -Dmaven.javadoc.skip=true compile \
      > "$work/$id.openapi-generator.mvn.log" 2>&1); then
    echo "  $id openapi-generator: compiles (mvn compile of its generated project)"
  elif grep -qiE "offline mode|has not been downloaded|could not resolve|could not be resolved|Cannot access" \
      "$work/$id.openapi-generator.mvn.log"; then
    echo "  $id openapi-generator: not checked (dependencies unavailable offline; OAG_DEPS=online fetches them)"
  else
    log="$work/$id.openapi-generator.mvn.log"
    files=$(grep -E 'ERROR.*\.java' "$log" | sed 's/:\[.*//' | sort -u | wc -l)
    echo "  $id openapi-generator: DOES NOT COMPILE (javac errors in $files files; javac stops at 100 errors), see $log"
    grep -m1 -E 'ERROR.*\.java' "$log" | sed "s|$work/||; s/^/      first: /"
  fi
done
