#!/usr/bin/env bash
# Throwaway Redis and PostgreSQL for the cluster tests (ear/pom.xml, pre-integration-test), on
# loopback ports of their own, with their data under target/backends (deleted at the next start).
# With IT_BACKENDS=cluster the integration-test server itself also runs on them (the whole suite on
# PostgreSQL and Redis): the settings are appended to target/it-server.env.
# Writes target/backends.env (REDIS_URL, DB_URL, …) for the two-node tests.
set -eu
ear=$(cd "$(dirname "$0")/../../.." && pwd)
target="$ear/target"
dir="$target/backends"
redis_port=16379
pg_port=15432
"$ear/src/test/cluster/stop-backends.sh"

pgbin=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pgbin="$d"; done
if ! command -v redis-server >/dev/null 2>&1 || [ -z "$pgbin" ]; then
  if [ "${RELAYCAST_REQUIRE_CLUSTER:-}" = "true" ]; then
    echo "redis-server and postgresql are needed (apt-get install redis-server postgresql)" >&2
    exit 1
  fi
  echo "redis-server or postgresql not installed: cluster tests will be skipped"
  rm -f "$target/backends.env"
  exit 0
fi
rm -rf "$dir" && mkdir -p "$dir"
rm -f "$target/oidc.env" "$target/s3.env"

# setsid: its own session, so nothing that signals the build's process group stops it
setsid redis-server --bind 127.0.0.1 --port $redis_port --save '' --appendonly no --daemonize no \
  --dir "$dir" > "$dir/redis.log" 2>&1 < /dev/null &
echo $! > "$dir/redis.pid"

# PostgreSQL refuses to run as root: as root, its data belongs to the `postgres` account, in a
# folder under /tmp (that account may not be able to reach the checkout).
pg=$(mktemp -d /tmp/relaycast-pg.XXXXXX)
echo "$pg" > "$dir/pgdir"
as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg"
  as=(setpriv --reuid=postgres --regid="$(id -g postgres)" --clear-groups)
fi
echo relaycast > "$pg/pwfile"
"${as[@]}" "$pgbin/initdb" -D "$pg/data" -U relaycast --pwfile="$pg/pwfile" -A scram-sha-256 -E UTF8 \
  > "$dir/initdb.log" 2>&1
"${as[@]}" "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/pg.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg -c fsync=off -c max_connections=200" start > /dev/null
PGPASSWORD=relaycast psql -h 127.0.0.1 -p $pg_port -U relaycast -d postgres -qc "CREATE DATABASE relaycast" 
PGPASSWORD=relaycast psql -h 127.0.0.1 -p $pg_port -U relaycast -d postgres -qc "CREATE DATABASE relaycast_nodes"

i=0
until redis-cli -p $redis_port ping >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 50 ]; then echo "redis did not start; see $dir/redis.log" >&2; exit 1; fi
  sleep 0.2
done

# With IT_BACKENDS=cluster the server also signs staff in through an OpenID Connect provider
# (liberty-config/oidc: oidc-provider from npm on 127.0.0.1:19543, HTTPS with a keytool certificate):
# the production-like pass. target/oidc.env tells the tests where it is.
start_oidc_provider() {
  oidc="$target/oidc"
  rm -rf "$oidc" && mkdir -p "$oidc"
  setsid "$ear/../liberty-config/oidc/run-test-provider.sh" --port 19543 --rp http://localhost:19080 --dir "$oidc" \
    > "$oidc/provider.log" 2>&1 < /dev/null &
  echo $! > "$dir/oidc.pid"
  i=0
  until grep -q "ready" "$oidc/provider.log" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 150 ]; then echo "the OpenID Connect provider did not start; see $oidc/provider.log" >&2; exit 1; fi
    sleep 0.2
  done
  cat >> "$target/it-server.env" <<ENV
OIDC_CONFIG=sso
OIDC_ISSUER=https://127.0.0.1:19543
OIDC_CLIENT_ID=relaycast
OIDC_CLIENT_SECRET=relaycast-oidc-secret
OIDC_SCOPES=openid profile email groups
OIDC_TRUST_STORE=$oidc/trust.p12
OIDC_TRUST_STORE_PASSWORD=trust-pass
OIDC_REDIRECT_BASE=http://localhost:19080
OIDC_API_AUDIENCE=urn:relaycast:api
OIDC_JWKS_URL=https://127.0.0.1:19543/jwks
OIDC_PROVIDER_NAME=Example SSO
OIDC_BROADCASTER_GROUPS=av-team,studio
OIDC_MODERATOR_GROUPS=comms
OIDC_ADMIN_GROUPS=it-admins
ENV
  printf 'OIDC_ISSUER=https://127.0.0.1:19543\nOIDC_TRUST_STORE=%s/trust.p12\n' "$oidc" > "$target/oidc.env"
  echo "OpenID Connect provider on https://127.0.0.1:19543"
}

# With IT_BACKENDS=cluster recordings, chunks and thumbnails go to an S3 server too (s3proxy from
# Maven Central, copied to target/s3proxy by the build; objects as files under target/backends/s3).
# target/s3.env tells the tests where its files are.
start_object_storage() {
  s3="$dir/s3"
  mkdir -p "$s3/data"
  cat > "$s3/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:19000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=relaycast
s3proxy.credential=relaycast-s3-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$s3/data
PROPS
  setsid java -jar "$target/s3proxy/s3proxy.jar" --properties "$s3/s3proxy.properties" \
    > "$s3/s3proxy.log" 2>&1 < /dev/null &
  echo $! > "$dir/s3proxy.pid"
  i=0
  until (exec 3<>/dev/tcp/127.0.0.1/19000) 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 150 ]; then echo "s3proxy did not start; see $s3/s3proxy.log" >&2; exit 1; fi
    sleep 0.2
  done
  cat >> "$target/it-server.env" <<ENV
STORAGE_URL=s3://relaycast-media?endpoint=http://127.0.0.1:19000&region=us-east-1
STORAGE_ACCESS_KEY=relaycast
STORAGE_SECRET_KEY=relaycast-s3-secret
ENV
  printf 'S3_DATA=%s\nS3_BUCKET=relaycast-media\n' "$s3/data" > "$target/s3.env"
  echo "s3proxy (object storage) on http://127.0.0.1:19000"
}

common="REDIS_URL=redis://127.0.0.1:$redis_port
DB_USER=relaycast
DB_PASSWORD=relaycast
DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource"
# The two-node tests get a database of their own, so the suite's server and the nodes never meet.
printf '%s\nDB_URL=jdbc:postgresql://127.0.0.1:%s/relaycast_nodes\n' "$common" $pg_port > "$target/backends.env"
if [ "${IT_BACKENDS:-}" = "cluster" ]; then
  printf '%s\nDB_URL=jdbc:postgresql://127.0.0.1:%s/relaycast\n' "$common" $pg_port >> "$target/it-server.env"
  # its own Redis keyspace too: database 1
  sed -i "s|^REDIS_URL=.*|REDIS_URL=redis://127.0.0.1:$redis_port/1|" "$target/it-server.env"
  echo "the integration-test server runs on PostgreSQL and Redis"
  start_oidc_provider
  start_object_storage
fi
echo "redis on 127.0.0.1:$redis_port, postgresql on 127.0.0.1:$pg_port"
