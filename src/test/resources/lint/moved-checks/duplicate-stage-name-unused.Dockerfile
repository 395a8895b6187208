FROM alpine AS dup
FROM alpine AS DUP
FROM alpine AS final
RUN true
