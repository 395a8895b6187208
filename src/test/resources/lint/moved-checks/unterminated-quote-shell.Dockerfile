FROM alpine
RUN echo "oops
CMD echo 'x
ENTRYPOINT a"b
HEALTHCHECK CMD echo "y
ONBUILD RUN echo 'z
SHELL sh -c 'q
