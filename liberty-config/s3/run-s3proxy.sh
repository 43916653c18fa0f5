#!/usr/bin/env sh
# Starts a local S3 server (s3proxy from Maven Central: the S3 API over a folder) for trying object
# storage, in the foreground:
#   liberty-config/s3/run-s3proxy.sh [--port 9000] [--dir <folder>]
# then run Relaycast with the STORAGE_URL, STORAGE_ACCESS_KEY and STORAGE_SECRET_KEY it prints.
# Needs the jar the build copies (./mvnw -DskipTests package puts it in ear/target/s3proxy).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
port=9000
dir="$here/../../ear/target/s3-data"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
jar="$here/../../ear/target/s3proxy/s3proxy.jar"
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
mkdir -p "$dir"
props=$(mktemp "${TMPDIR:-/tmp}/s3proxy.XXXXXX.properties")
cat > "$props" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=relaycast
s3proxy.credential=relaycast-local-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir
PROPS
echo "Start Relaycast with:"
echo "  STORAGE_URL='s3://relaycast-media?endpoint=http://127.0.0.1:$port&region=us-east-1' \\"
echo "  STORAGE_ACCESS_KEY=relaycast STORAGE_SECRET_KEY=relaycast-local-secret ./mvnw liberty:run"
exec java -jar "$jar" --properties "$props"
