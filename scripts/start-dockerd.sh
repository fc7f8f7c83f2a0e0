#!/usr/bin/env bash
# Starts Debian's dockerd (as root) inside a network namespace that has only loopback, so that no container and no
# image pull can leave the machine; the engine's unix socket still works across namespaces. Idempotent: when an
# engine already answers on the local socket, it does nothing. Waits (bounded) until `docker info` answers.
#
#   M1GO_DOCKERD_LOG   where dockerd's output goes (default /var/log/m1go-dockerd.log)
#   M1GO_DOCKERD_WAIT  seconds to wait for the engine (default 60)
set -euo pipefail

log=${M1GO_DOCKERD_LOG:-/var/log/m1go-dockerd.log}
wait_seconds=${M1GO_DOCKERD_WAIT:-60}

# The engine this script starts listens on the default local socket, whatever DOCKER_HOST says.
answers() { env -u DOCKER_HOST -u DOCKER_CONTEXT docker info >/dev/null 2>&1; }

if answers; then
    echo "start-dockerd: a Docker engine already answers on /var/run/docker.sock; nothing to do"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "start-dockerd: dockerd must be started as root (run: sudo $0)" >&2
    exit 1
fi
for tool in dockerd docker unshare ip; do
    command -v "$tool" >/dev/null || { echo "start-dockerd: $tool not found: apt-get install docker.io iproute2 util-linux" >&2; exit 1; }
done

echo "start-dockerd: starting dockerd in a loopback-only network namespace; log: $log"
mkdir -p "$(dirname "$log")"
nohup unshare -n sh -c 'ip link set lo up; exec dockerd --bridge=none --iptables=false --ip-masq=false' \
    >>"$log" 2>&1 </dev/null &
pid=$!

for _ in $(seq "$wait_seconds"); do
    if answers; then
        echo "start-dockerd: engine $(env -u DOCKER_HOST docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers (pid $pid)"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-dockerd: dockerd exited; last lines of $log:" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    sleep 1
done
echo "start-dockerd: no answer from docker info after ${wait_seconds}s; last lines of $log:" >&2
tail -n 20 "$log" >&2
exit 1
