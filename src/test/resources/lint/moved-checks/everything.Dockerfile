FROM --platform=linux/amd64 alpine AS dup
MAINTAINER a
FROM alpine AS dup
RUN echo "x \

  y
CMD [oops]
