FROM alpine AS old
CMD ['a']
FROM alpine
RUN true
