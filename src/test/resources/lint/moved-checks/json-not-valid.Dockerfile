FROM alpine
RUN ['echo', 'hi']
CMD ["a", "b"
ENTRYPOINT ["a",]
COPY ["a" "b"]
VOLUME [/data]
HEALTHCHECK CMD ['true']
ONBUILD RUN ["x"
SHELL ["/bin/sh" "-c"]
