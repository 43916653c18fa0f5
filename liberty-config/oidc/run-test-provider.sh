#!/usr/bin/env sh
# Starts a loopback OpenID Connect provider (oidc-provider from npm, test users and groups) for
# Relaycast's single sign-on, in the foreground. Development and tests only.
#   liberty-config/oidc/run-test-provider.sh [--port 9543] [--rp http://localhost:9080] [--dir DIR]
# It serves HTTPS (Liberty requires it for discovery) with a certificate made here by keytool, and
# writes DIR/trust.p12 (password trust-pass) holding that certificate for Liberty's trust store.
# Then run Relaycast with the settings it prints (OIDC_ISSUER, OIDC_CLIENT_ID, ...).
# Users: frank (av-team: broadcaster), grace (staff, engineering), heidi (comms: moderator),
# irene (it-admins: admin); the password is <name>-oidc.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
port=9543
rp=http://localhost:9080
dir="${TMPDIR:-/tmp}/relaycast-oidc"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --rp) rp="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null 2>&1 || { echo "node is not installed (apt-get install nodejs npm)" >&2; exit 1; }
command -v keytool >/dev/null 2>&1 || { echo "keytool (a JDK) is needed" >&2; exit 1; }
if [ ! -d "$here/node_modules/oidc-provider" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
mkdir -p "$dir"
if [ ! -f "$dir/op.p12" ]; then
  rm -f "$dir/trust.p12" "$dir/op.crt"
  keytool -genkeypair -alias op -keyalg RSA -keysize 2048 -validity 365 -dname CN=127.0.0.1 \
    -ext san=ip:127.0.0.1,dns:localhost -storetype PKCS12 -keystore "$dir/op.p12" -storepass op-pass \
    -keypass op-pass >/dev/null 2>&1
  keytool -exportcert -alias op -keystore "$dir/op.p12" -storepass op-pass -rfc -file "$dir/op.crt" >/dev/null 2>&1
  keytool -importcert -noprompt -alias op -file "$dir/op.crt" -storetype PKCS12 -keystore "$dir/trust.p12" \
    -storepass trust-pass >/dev/null 2>&1
fi
cat <<SETTINGS
Relaycast settings for this provider:
  OIDC_ISSUER=https://127.0.0.1:$port OIDC_CLIENT_ID=relaycast OIDC_CLIENT_SECRET=relaycast-oidc-secret
  OIDC_SCOPES='openid profile email groups' OIDC_TRUST_STORE=$dir/trust.p12 OIDC_TRUST_STORE_PASSWORD=trust-pass
  OIDC_BROADCASTER_GROUPS=av-team OIDC_MODERATOR_GROUPS=comms OIDC_ADMIN_GROUPS=it-admins
  OIDC_API_AUDIENCE=urn:relaycast:api OIDC_JWKS_URL=https://127.0.0.1:$port/jwks
SETTINGS
OP_PORT=$port RP_BASE=$rp OP_PFX="$dir/op.p12" OP_PFX_PASSWORD=op-pass exec node "$here/test-provider.mjs"
