ARG BASE=stagecraft-test/busybox
FROM ${BASE} AS builder
ARG GREETING=hello
WORKDIR /src
RUN echo "$GREETING from the builder" > /src/out && sleep 1
RUN echo second step 1796170059
FROM ${BASE}
COPY --from=builder /src/out /out
RUN cat /out
