# syntax=docker/dockerfile:1
# Wheels built with the compilers of the full image, installed into a slim runtime.

FROM python:3.12-bookworm AS wheels
WORKDIR /src
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt
COPY . .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.12-slim-bookworm
RUN useradd --system --create-home app
COPY --from=wheels /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
USER app
EXPOSE 8000
CMD ["python", "-m", "app"]
