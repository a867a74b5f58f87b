#!/bin/sh
# The image's entrypoint, behaving as the original image's does where it matters:
# - options alone (`docker run authcore --port=4000`) mean `supertokens start <options>`;
# - `supertokens start` always runs in the foreground, so the server is the container's process;
# - POSTGRESQL_PASSWORD_FILE (a Docker or Kubernetes secret) supplies POSTGRESQL_PASSWORD.
# Every other setting is read by the core itself from its environment variable.
set -e

case "${1:-}" in
    --* | dev | production) set -- supertokens start "$@" ;;
esac

if [ "${1:-}" = supertokens ] && [ "${2:-}" = start ]; then
    case " $* " in
        *" --foreground "*) ;;
        *) set -- "$@" --foreground ;;
    esac
fi

if [ -n "${POSTGRESQL_PASSWORD_FILE:-}" ]; then
    if [ ! -r "$POSTGRESQL_PASSWORD_FILE" ]; then
        echo "POSTGRESQL_PASSWORD_FILE=$POSTGRESQL_PASSWORD_FILE cannot be read" >&2
        exit 1
    fi
    POSTGRESQL_PASSWORD="$(cat "$POSTGRESQL_PASSWORD_FILE")"
    export POSTGRESQL_PASSWORD
fi

# exec: the JVM becomes PID 1's successor and gets SIGTERM from `docker stop` directly.
exec "$@"
