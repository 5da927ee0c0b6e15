# syntax=docker/dockerfile:1
# The producers CLI (publish, simulate): producers.jar on a JRE, its runtime jars in lib/ beside it.
# Build context: the repository root (docker build -f docker/producers.Dockerfile -t ecosystem/producers .)

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
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
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl producers -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app ecosystem
WORKDIR /app
# Libraries first: they change less often than the CLI's jar, so the layer is reused.
COPY --from=build /src/producers/target/lib/ lib/
COPY --from=build /src/producers/target/producers.jar producers.jar
USER ecosystem
ENTRYPOINT ["java", "-jar", "/app/producers.jar"]
CMD ["--help"]
