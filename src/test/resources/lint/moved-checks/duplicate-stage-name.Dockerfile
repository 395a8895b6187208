FROM alpine AS dup
RUN one
FROM alpine AS dup
RUN two
FROM alpine
COPY --from=dup /x /x
