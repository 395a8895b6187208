FROM alpine AS old
MAINTAINER me@example.com
FROM alpine
RUN true
