#!/bin/sh
# Writes the list of classes Stagecraft loads when it starts: the command line (`graph`) and the
# window (opened on a Dockerfile, under Xvfb). The package ships it; at install time
# system-integration.sh turns it into a class-data-sharing archive for the installed runtime,
# which the launcher maps instead of loading and verifying those classes again (the window
# shows in ~1.3 s instead of ~1.9 s). Called by `mvn -Ppackage package`.
# Usage: cds-classlist.sh JAVA JAR OUT. Without xvfb-run it writes nothing and says so: the
# package then works as before, without the archive.
set -u
java=$1 jar=$2 out=$3
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "cds-classlist: no xvfb-run; the package will start without a class-data archive" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Dockerfile" <<'DOCKERFILE'
# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
FROM golang:${GO_VERSION} AS builder
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache go build -o /out/app ./cmd/app
FROM builder AS test
RUN go test ./...
FROM gcr.io/distroless/static
COPY --from=builder /out/app /app
COPY --from=docker/buildx-bin /buildx /buildx
ENTRYPOINT ["/app"]
DOCKERFILE
mkdir -p "$work/config"
"$java" -XX:DumpLoadedClassList="$work/cli.list" -cp "$jar" dev.stagecraft.app.Main graph "$work/Dockerfile" >/dev/null 2>&1
xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
  "$1" -XX:DumpLoadedClassList="$2/window.list" -Dstagecraft.config="$2/config" -cp "$3" dev.stagecraft.app.Main "$2/Dockerfile" >/dev/null 2>&1 &
  app=$!
  sleep 10
  kill $app 2>/dev/null
  wait $app 2>/dev/null
  exit 0' _ "$java" "$work" "$jar"
cat "$work/cli.list" "$work/window.list" 2>/dev/null | grep -v '^#' | sort -u > "$out"
echo "cds-classlist: $(wc -l < "$out") classes in $out"
