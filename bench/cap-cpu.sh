#!/bin/sh
# Holds a running process (every thread it has now) to a share of one core, as if it ran on a
# machine of that size: how docs/performance.md stands in separate machines for two Janus on one.
#   bench/cap-cpu.sh <pid> <cores, e.g. 0.15>     (as root, cgroup v1 `cpu` controller)
# Run it again after the process started more threads.
set -eu
pid=$1
cores=$2
dir=/sys/fs/cgroup/cpu/relaycast-cap-$pid
[ -d /sys/fs/cgroup/cpu ] || { echo "no cgroup v1 cpu controller at /sys/fs/cgroup/cpu" >&2; exit 1; }
mkdir -p "$dir"
echo 100000 > "$dir/cpu.cfs_period_us"
awk -v c="$cores" 'BEGIN { printf "%d\n", c * 100000 }' > "$dir/cpu.cfs_quota_us"
for t in /proc/"$pid"/task/*; do echo "${t##*/}" > "$dir/tasks"; done
echo "pid $pid held to $cores core ($dir); throttled so far: $(grep nr_throttled "$dir/cpu.stat")"
