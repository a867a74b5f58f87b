# syntax=docker/dockerfile:1
# Authcore as a container, run like supertokens/supertokens-postgresql (README, Docker):
#   docker build -t registry.example.com/authcore:0.1.0 .      # the tag the Helm chart deploys
#   docker run -p 3567:3567 -d registry.example.com/authcore:0.1.0          # in-memory database
#   docker run -p 3567:3567 -e POSTGRESQL_CONNECTION_URI="postgresql://user:pass@host/db" -d ...
# Every config.yaml option can be given as its environment variable (API_KEYS, LOG_LEVEL, ...).
# packaging/test-image builds this file as it is with podman and runs the image.

# --- build: the jar, with the Maven wrapper, dependencies cached in their own layer ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B dependency:go-offline -Dcompat.skip=true || true
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -DskipTests -Dcompat.skip=true package

# --- runtime: a Java 17 runtime and the installation the install script makes ---
FROM eclipse-temurin:17-jre
# What the jar needs from the system at run time: OpenSSL 3's libcrypto (RS256 three times as fast as
# the JDK's), and glibc for the argon2 library the jar carries and for the hashing priorities. The
# base image has both today; should it lose OpenSSL, this brings it back.
RUN if ! ldconfig -p | grep -q 'libcrypto\.so\.3 '; then \
        apt-get update && apt-get install -y --no-install-recommends openssl \
        && rm -rf /var/lib/apt/lists/*; \
    fi
# A fixed numeric uid, so Kubernetes' runAsNonRoot can verify it (see helm-chart/).
RUN groupadd --system --gid 10001 supertokens \
    && useradd --system --uid 10001 --gid supertokens --home-dir /usr/lib/supertokens \
        --shell /usr/sbin/nologin supertokens
COPY --from=build /src/target/authcore.jar /tmp/authcore/target/authcore.jar
# config.yaml is required; LICENSE* is copied when the build context has one.
COPY install config.yaml LICENSE* /tmp/authcore/
# The install also makes the class-data sharing archive that speeds start-up (see install).
RUN sh /tmp/authcore/install --path=/usr/lib/supertokens/ --exeLoc=/usr/bin/supertokens \
    && rm -rf /tmp/authcore \
    && chown -R supertokens:supertokens /usr/lib/supertokens/logs /usr/lib/supertokens/.started
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh

# Inside a container the core must listen beyond loopback (-e SUPERTOKENS_HOST=... to change it).
# Logs go to stdout and stderr unless INFO_LOG_PATH / ERROR_LOG_PATH name files.
ENV SUPERTOKENS_HOST=0.0.0.0
EXPOSE 3567
USER 10001:10001
WORKDIR /usr/lib/supertokens
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["supertokens", "start", "--foreground"]
