#!/usr/bin/env bash
# A throwaway OpenLDAP directory (Debian's slapd) on 127.0.0.1:<port> for LdapIT, with its data in
# <dir> (deleted first): directory.ldif beside this script, admin cn=admin,dc=example,dc=com.
#   start-slapd.sh <dir> <port>       (stop: kill "$(cat <dir>/slapd.pid)")
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
port=$2
for tool in slapd slapadd; do
  command -v $tool >/dev/null 2>&1 || [ -x /usr/sbin/$tool ] || { echo "slapd is not installed (apt-get install slapd)" >&2; exit 3; }
done
export PATH="$PATH:/usr/sbin"
if [ -f "$dir/slapd.pid" ]; then kill "$(cat "$dir/slapd.pid")" 2>/dev/null || true; sleep 0.5; fi
rm -rf "$dir" && mkdir -p "$dir/data"
cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $dir/slapd.pid
database mdb
maxsize 10485760
suffix "dc=example,dc=com"
rootdn "cn=admin,dc=example,dc=com"
rootpw admin-secret
directory $dir/data
CONF
slapadd -f "$dir/slapd.conf" -l "$here/directory.ldif" > "$dir/slapadd.log" 2>&1
slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" > "$dir/slapd.log" 2>&1
for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "slapd on 127.0.0.1:$port"; exit 0; fi
  sleep 0.2
done
echo "slapd did not start; see $dir/slapd.log" >&2
exit 1
