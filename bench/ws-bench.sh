#!/usr/bin/env bash
# WebSocket throughput benchmark: a local server on 127.0.0.1 streams 200,000 OpenAI realtime events; the generated
# client (typed events) and a raw listener (text only) receive them, on the JDK transport and on OkHttp (the client
# generated with --transport okhttp against a raw OkHttp WebSocketListener), alternating, in one process.
# Prints events/s of each, the typed/raw ratio per transport (target >= 0.9), OkHttp/JDK, and the clients'
# allocation per event and GC time.
#   bench/ws-bench.sh                 # 200,000 events, 3 rounds, both transports
#   bench/ws-bench.sh 100000 5        # events per run, rounds
#   bench/ws-bench.sh 100000 5 jdk    # one transport only: jdk or okhttp
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "ws-bench: building bench/target/benchmarks.jar (mvn -Pbench package)..." >&2
mvn -B -q -Dstyle.color=never -Pbench -pl bench -am package -DskipTests >&2
exec java -Xms1g -Xmx1g ${WS_BENCH_JAVA_OPTS:-} -cp bench/target/benchmarks.jar dev.autosdk.bench.ws.WsThroughput "$@"
