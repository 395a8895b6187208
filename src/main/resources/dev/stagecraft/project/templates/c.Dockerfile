# syntax=docker/dockerfile:1
# A static C binary built with gcc, shipped on an empty image.

FROM gcc:14 AS build
WORKDIR /src
COPY <<EOF hello.c
#include <stdio.h>
int main(void) { puts("hello from scratch"); return 0; }
EOF
RUN gcc -O2 -static -o /hello hello.c

FROM scratch
COPY --from=build /hello /hello
USER 65534:65534
ENTRYPOINT ["/hello"]
