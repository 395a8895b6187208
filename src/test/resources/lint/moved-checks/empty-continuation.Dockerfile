FROM alpine
RUN echo a \

    && echo b \
  
    && echo c
