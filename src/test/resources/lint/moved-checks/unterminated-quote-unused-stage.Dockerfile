FROM alpine AS old
RUN echo "oops
FROM alpine
RUN true
