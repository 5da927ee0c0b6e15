# syntax=docker/dockerfile:1
# The streams application: built from source by Maven, run on a JRE with its runtime jars beside it.
# Build context: the repository root (docker compose does this; by hand:
#   docker build -f docker/streams-app.Dockerfile -t ecosystem/streams-app .)

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
# Every module's pom: Maven reads the whole reactor even when building one module.
# Sources: the module and every module it depends on, at test scope too (-am builds those).
COPY pom.xml ./
COPY schemas/pom.xml schemas/
COPY registry/pom.xml registry/
COPY testkit/pom.xml testkit/
COPY producers/pom.xml producers/
COPY streams-app/pom.xml streams-app/
COPY benchmarks/pom.xml benchmarks/
COPY local-run/pom.xml local-run/
COPY schemas/src schemas/src
COPY registry/src registry/src
COPY testkit/src testkit/src
COPY producers/src producers/src
COPY streams-app/src streams-app/src
# The Maven repository is a cache mount: a rebuild after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl streams-app -am package \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory=target/lib \
    && cp streams-app/target/streams-app-*.jar streams-app/target/app.jar

FROM eclipse-temurin:17-jre
# curl for the compose healthcheck (GET /health/ready).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app ecosystem \
    && mkdir -p /var/lib/ecosystem/state \
    && chown ecosystem /var/lib/ecosystem/state
WORKDIR /app
# Libraries first: they change less often than the application jar, so the layer is reused.
COPY --from=build /src/streams-app/target/lib/ lib/
COPY --from=build /src/streams-app/target/app.jar app.jar
COPY docker/logback.xml logback.xml
USER ecosystem
# Defaults only; docker-compose.yml sets the rest (see AppConfig for every variable).
ENV STATE_DIR=/var/lib/ecosystem/state \
    HTTP_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dlogback.configurationFile=/app/logback.xml", \
            "-cp", "/app/app.jar:/app/lib/*", "com.cmobile.ecosystem.app.App"]
