# Builds the gateway jar and runs it on a JRE; used by docker-compose.yml, which loads demo data.
# The image to deploy leaves the demo-data loader out: docker build --build-arg SERVICE_ONLY=true .
# GraphiQL's bundle first: the Maven image has no Node.js, so it is built here and Maven skips it.
FROM node:20-bookworm-slim AS graphiql
WORKDIR /build/graphiql
RUN npm install -g npm@11
COPY graphiql/package.json graphiql/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY graphiql/index.html graphiql/vite.config.js ./
COPY graphiql/src src
COPY graphiql/examples examples
RUN GRAPHIQL_OUT_DIR=/build/graphiql-dist npm run build

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE_ONLY=false
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY schema schema
COPY db db
COPY src src
COPY --from=graphiql /build/graphiql-dist target/classes/graphiql
RUN mvn -B -q -DskipTests -Dgraphiql.skip=true $([ "$SERVICE_ONLY" = true ] && echo -Dservice) package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/sequence-state-gateway-*.jar app.jar
EXPOSE 8080
# The parallel collector: more requests per second than G1 for this service (README "Deploying").
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/app/app.jar"]
