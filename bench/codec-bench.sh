#!/usr/bin/env bash
# Codec benchmark (JMH): decode and encode of three OpenAI realtime server events with the generated codecs (a),
# Jackson databind (b), bare jackson-core (c) and the official OpenAI Java SDK (d), plus both SDKs' server-event union
# dispatch; prints ops/ms and the ratios a/b and a/c against the targets, a/d for information. About 8 minutes.
#   bench/codec-bench.sh            # full run
#   bench/codec-bench.sh -f 1 -wi 2 -i 3 -p fixture=AUDIO_DELTA   # any JMH option narrows or lengthens it
# JFR profile of one benchmark:  bench/codec-bench.sh -prof jfr  (JMH writes the .jfr files under the working folder)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "codec-bench: building bench/target/benchmarks.jar (mvn -Pbench package)..." >&2
mvn -B -q -Dstyle.color=never -Pbench -pl bench -am package -DskipTests >&2
exec java -cp bench/target/benchmarks.jar dev.autosdk.bench.codec.CodecReport "$@"
