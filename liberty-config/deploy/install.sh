#!/usr/bin/env bash
# Installs Relaycast into an existing Open Liberty server (docs/operations.md, "Deploy into your own
# Liberty"), from what `./mvnw -DskipTests package` built:
#   liberty-config/deploy/install.sh --wlp <wlp dir> --server <name> [--db h2|postgresql] [--demo-users] [--sso]
# - the EAR into the server's apps/;
# - the JDBC driver into the runtime's shared resources (usr/shared/resources/jdbc);
# - the application's configuration as configDropins/defaults/relaycast-1-app.xml: features, data
#   source, the application with its role bindings, the sign-in cookie settings. Your server.xml
#   is never touched, and wins wherever it says otherwise;
# - with --demo-users, the demo users (published passwords: evaluation only) as
#   relaycast-2-demo-users.xml; without it no user exists until you configure a registry (basic,
#   LDAP) or single sign-on, and /health/ready says "no user registry configured";
# - with --sso, single sign-on (OpenID Connect) as relaycast-3-sso.xml and its sign-in entry as
#   apps/relaycast-sso.war (settings: docs/configuration.md).
# It refuses, changing nothing, when the runtime lacks a feature the application needs, and prints
# the featureUtility command that installs it. Run it again to upgrade (it replaces its own files).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
config="$repo/liberty-config/src/main/liberty/config"
wlp="" server="" db=h2 demo=false sso=false
usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --wlp) wlp="${2:-}"; shift 2 ;;
    --server) server="${2:-}"; shift 2 ;;
    --db) db="${2:-}"; shift 2 ;;
    --demo-users) demo=true; shift ;;
    --sso) sso=true; shift ;;
    -h|--help) usage ;;
    *) echo "install.sh: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$wlp" ] && [ -n "$server" ] || usage
fail() { echo "install.sh: $*" >&2; exit 1; }
case "$db" in h2|postgresql) ;; *) fail "--db must be h2 or postgresql, not '$db'" ;; esac
[ -x "$wlp/bin/server" ] || fail "$wlp is not an Open Liberty runtime (no bin/server)"
case "$server" in *[!A-Za-z0-9._-]*|"") fail "'$server' is not a server name" ;; esac
dir="$wlp/usr/servers/$server"
[ -f "$dir/server.xml" ] || fail "there is no server '$server' in $wlp: create it first with $wlp/bin/server create $server"
ear="$repo/ear/target/relaycast.ear"
driver="$repo/ear/target/jdbc/$db.jar"
sso_war="$repo/ear/target/sso/relaycast-sso.war"
[ -f "$ear" ] && [ -f "$driver" ] && [ -f "$sso_war" ] || fail "build first: (cd $repo && ./mvnw -DskipTests package)"

# Every feature the fragments ask for must be in the runtime (a kernel or web-profile download
# lacks some): Liberty would otherwise start without them and the application would half work.
fragments=("$config/relaycast.xml")
if $sso; then fragments+=("$config/oidc/sso.xml"); fi
needed=$(sed -n 's:.*<feature>\([^<]*\)</feature>.*:\1:p' "${fragments[@]}" | sort -u)
# (feature manifests end their lines with CR LF)
present=$( (cat "$wlp"/lib/features/*.mf "$wlp"/usr/extension/lib/features/*.mf 2>/dev/null || true) \
  | tr -d '\r' | sed -n 's/^IBM-ShortName: //p')
missing=()
for f in $needed; do
  grep -qxF "$f" <<< "$present" || missing+=("$f")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: this runtime lacks features Relaycast needs: ${missing[*]}" >&2
  echo "install them (online, from Maven Central) and run install.sh again:" >&2
  echo "  $wlp/bin/featureUtility installFeature ${missing[*]}" >&2
  exit 3
fi

# Relaycast is Jakarta EE 10: a server that also asks for Java EE features (javax, e.g. the jsp-2.3
# of a new server's template) cannot load both (CWWKF0033E) and would start without the application.
javax=$(sed -n 's:.*<feature>\([^<]*\)</feature>.*:\1:p' "$dir/server.xml" | grep -xE \
  '(jsp-2\.[23]|servlet-[34]\.[0-9]|javaee-[78]\.0|webProfile-[78]\.0|jaxrs-2\.[01]|cdi-(1\.2|2\.0)|jsf-2\.[23]|jpa-2\.[12]|ejbLite-3\.2|websocket-1\.[01]|jsonb-1\.0|jsonp-1\.[01]|appSecurity-[23]\.0|beanValidation-(1\.1|2\.0)|microProfile-[1-4]\.[0-9]+)' || true)
if [ -n "$javax" ]; then
  echo "install.sh: $dir/server.xml asks for Java EE (javax) features that cannot run beside Relaycast's" >&2
  echo "Jakarta EE 10 ones: $(echo $javax). Remove them from its featureManager (jsp-2.3: pages-3.1 is the" >&2
  echo "Jakarta EE 10 equivalent) and run install.sh again." >&2
  exit 4
fi

mkdir -p "$dir/apps" "$dir/configDropins/defaults" "$wlp/usr/shared/resources/jdbc"
cp "$ear" "$dir/apps/relaycast.ear"
cp "$driver" "$wlp/usr/shared/resources/jdbc/$db.jar"
cp "$config/relaycast.xml" "$dir/configDropins/defaults/relaycast-1-app.xml"
if $demo; then
  cp "$config/demo-users.xml" "$dir/configDropins/defaults/relaycast-2-demo-users.xml"
else
  rm -f "$dir/configDropins/defaults/relaycast-2-demo-users.xml"
fi
if $sso; then
  cp "$config/oidc/sso.xml" "$dir/configDropins/defaults/relaycast-3-sso.xml"
  cp "$sso_war" "$dir/apps/relaycast-sso.war"
else
  rm -f "$dir/configDropins/defaults/relaycast-3-sso.xml" "$dir/apps/relaycast-sso.war"
fi

echo "Relaycast installed into server '$server' ($dir)"
echo "  apps/relaycast.ear, configDropins/defaults/relaycast-*.xml, $wlp/usr/shared/resources/jdbc/$db.jar"
if [ "$db" = postgresql ]; then
  echo "  database: put DB_URL=jdbc:postgresql://<host>:5432/<db>, DB_USER, DB_PASSWORD and"
  echo "  DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource in $dir/server.env"
fi
if ! $demo && ! $sso; then
  echo "  users: none yet. Configure a registry (LDAP: docs/operations.md) or single sign-on (--sso)."
fi
echo "Start it with: $wlp/bin/server start $server --clean    then check /health/ready"
