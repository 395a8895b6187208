ARG A=1 \

    B=2
FROM alpine AS old
RUN echo a \

    && echo b
FROM alpine
RUN true
