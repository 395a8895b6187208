# syntax=docker/dockerfile:1
# A static Go binary: built on a full distribution, shipped on a slim one.

FROM debian:bookworm AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends golang-go git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
RUN git clone --depth 1 https://github.com/golang/example.git .
WORKDIR /src/helloserver
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server .

FROM debian:bookworm-slim
RUN groupadd --system app \
 && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app
COPY --from=0 /out/server /usr/local/bin/server
USER app
EXPOSE 8080
CMD ["server", "-addr", ":8080"]
