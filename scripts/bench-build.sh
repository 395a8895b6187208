#!/usr/bin/env bash
# Build speed: the same 5-stage Dockerfile (scripts/bench-build/) on the same engine with
# `stagecraft build` and with `docker build`, BuildKit (DOCKER_BUILDKIT=1) and classic (=0),
# cached and uncached (--no-cache), RUNS times each (default 3). Prints medians and ratios:
#   build      stagecraft's own build time (the target image, as reported) / docker build's wall time
#   command    stagecraft's whole command (JVM start, per-stage images, size report) / docker build
#   report     how long the size report took after the build (goal: <= 1 s for a cached BuildKit build)
# Needs the engine and base images: scripts/test-engine.sh. Usage: scripts/bench-build.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
docker_cli=/usr/bin/docker
[ -x "$docker_cli" ] || docker_cli=$(command -v docker)
[ -f target/stagecraft.jar ] || mvn -q -B package -DskipTests
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp scripts/bench-build/Dockerfile "$ctx/"
head -c 200000 /dev/zero | tr '\0' 'a' > "$ctx/assets.txt"

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for builder in buildkit classic; do
  [ "$builder" = buildkit ] && kit=1 || kit=0
  for mode in cached uncached; do
    flag=""; [ "$mode" = uncached ] && flag="--no-cache"
    # warm the cache (and the JVM's files) once
    DOCKER_BUILDKIT=$kit "$docker_cli" build -q $flag "$ctx" >/dev/null
    : > "$ctx/docker.t"; : > "$ctx/sc.t"; : > "$ctx/build.t"; : > "$ctx/report.t"
    for _ in $(seq 1 "$runs"); do
      t0=$(now); DOCKER_BUILDKIT=$kit "$docker_cli" build -q $flag "$ctx" >/dev/null; t1=$(now)
      echo "$t1 - $t0" | bc >> "$ctx/docker.t"
      t0=$(now)
      java -Dstagecraft.timing=true -jar target/stagecraft.jar build "$ctx" --builder "$builder" $flag \
        2>"$ctx/err" >/dev/null
      t1=$(now)
      echo "$t1 - $t0" | bc >> "$ctx/sc.t"
      sed -n 's/.*built in \([0-9.]*\) s, size report \([0-9.]*\) s later/\1 \2/p' "$ctx/err" > "$ctx/line"
      awk '{print $1}' "$ctx/line" >> "$ctx/build.t"
      awk '{print $2}' "$ctx/line" >> "$ctx/report.t"
    done
    d=$(median < "$ctx/docker.t"); s=$(median < "$ctx/sc.t"); b=$(median < "$ctx/build.t"); r=$(median < "$ctx/report.t")
    printf '%-8s %-8s docker %6.2fs | stagecraft build %6.2fs (x%.2f) command %6.2fs (x%.2f) | report %.2fs\n' \
      "$builder" "$mode" "$d" "$b" "$(echo "$b / $d" | bc -l)" "$s" "$(echo "$s / $d" | bc -l)" "$r"
  done
done
