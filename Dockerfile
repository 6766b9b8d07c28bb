# Builds the gateway jar and runs it on a JRE; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY schema schema
COPY db db
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /build/target/sequence-state-gateway-*.jar app.jar
EXPOSE 8080
# The parallel collector: more requests per second than G1 for this service (README "Deploying").
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/app/app.jar"]
