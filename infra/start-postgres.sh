#!/usr/bin/env bash
# Start the machine's PostgreSQL server for development and CI, and print the DATABASE_URL.
# Works where Debian's postgresql package is installed (cluster present but down).
# Where it is not, use infra/docker-compose.yml instead.
set -euo pipefail

VERSION="${PG_VERSION:-15}"
CLUSTER="${PG_CLUSTER:-main}"
PASSWORD="${PG_PASSWORD:-loadline}"
DB_NAME="${PG_DATABASE:-loadline}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "pg_ctlcluster not found: install Debian's postgresql package or use infra/docker-compose.yml" >&2
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c && $4=="online"' | grep -q .; then
  as_root pg_ctlcluster "$VERSION" "$CLUSTER" start
fi

# Wait until it accepts connections.
for _ in $(seq 1 30); do
  if as_root su postgres -c "pg_isready -q -h 127.0.0.1" 2>/dev/null; then break; fi
  sleep 1
done

as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"alter user postgres with password '$PASSWORD'\"" >/dev/null
if ! as_root su postgres -c "psql -tAc \"select 1 from pg_database where datname='$DB_NAME'\"" | grep -q 1; then
  as_root su postgres -c "createdb $DB_NAME"
fi

echo "postgres://postgres:$PASSWORD@127.0.0.1:5432/$DB_NAME"
