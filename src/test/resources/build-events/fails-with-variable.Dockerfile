FROM stagecraft-test/busybox AS base
RUN echo base
FROM base AS build
ENV CODE=3
RUN echo "building with $CODE"; exit $CODE
FROM stagecraft-test/busybox
COPY --from=build /x /x
