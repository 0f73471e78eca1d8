#!/bin/sh
# Runs node as a container with a memory limit would: inside a memory cgroup of CONTAINER_MB
# (default 512) MB. Node sizes V8's heap from that limit, as it does in a container.
#   npm run bench -- --scan-node bench/container-node.sh
# Needs root and a writable cgroup file system (tried on cgroup v1; v2 needs the memory controller
# enabled for the current group's children).
set -e
mb=${CONTAINER_MB:-512}
bytes=$((mb * 1024 * 1024))
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  dir=/sys/fs/cgroup$(sed -n 's/^0:://p' /proc/self/cgroup)/partner-audit-bench-$mb
  mkdir -p "$dir"
  echo "$bytes" > "$dir/memory.max"
else
  dir=/sys/fs/cgroup/memory$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup)/partner-audit-bench-$mb
  mkdir -p "$dir"
  echo "$bytes" > "$dir/memory.limit_in_bytes"
fi
echo $$ > "$dir/cgroup.procs"
exec node "$@"
