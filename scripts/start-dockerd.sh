#!/usr/bin/env bash
# Starts Debian's dockerd (as root) inside a network namespace that has only loopback, so that no container and no
# image pull can leave the machine; the engine's unix socket still works across namespaces. Idempotent: when the
# engine already answers on its socket, it does nothing. Waits (bounded) until `docker info` answers.
#
#   scripts/start-dockerd.sh                 the first engine, on the default socket /var/run/docker.sock
#   scripts/start-dockerd.sh --second        a second, independent engine: its own socket
#                                            (/var/run/m1go-docker-second.sock), data-root, exec-root (so its own
#                                            containerd), pidfile and log; what RemoteEngineIT runs cells on through
#                                            m1go.container.hosts, standing in for another machine's engine
#   scripts/start-dockerd.sh --second --stop stops the second engine (SIGTERM by its pidfile, bounded wait); its
#                                            data-root is kept for the next start
#
#   M1GO_DOCKERD_LOG   where dockerd's output goes (default /var/log/m1go-dockerd.log, -second.log for the second)
#   M1GO_DOCKERD_WAIT  seconds to wait for the engine (default 60)
set -euo pipefail

second=false
stop=false
for arg in "$@"; do
    case "$arg" in
        --second) second=true ;;
        --stop) stop=true ;;
        *) echo "start-dockerd: unknown argument $arg (use --second, --stop)" >&2; exit 2 ;;
    esac
done

wait_seconds=${M1GO_DOCKERD_WAIT:-60}
if $second; then
    name=second
    socket=/var/run/m1go-docker-second.sock
    data_root=/var/lib/m1go-docker-second
    exec_root=/var/run/m1go-docker-second
    pidfile=/var/run/m1go-docker-second.pid
    log=${M1GO_DOCKERD_LOG:-/var/log/m1go-dockerd-second.log}
    own=(--host "unix://$socket" --data-root "$data_root" --exec-root "$exec_root" --pidfile "$pidfile")
else
    name=first
    socket=/var/run/docker.sock
    pidfile=/var/run/docker.pid
    log=${M1GO_DOCKERD_LOG:-/var/log/m1go-dockerd.log}
    own=()
fi

# Each engine is asked on its own socket, whatever DOCKER_HOST says.
answers() { env -u DOCKER_HOST -u DOCKER_CONTEXT docker -H "unix://$socket" info >/dev/null 2>&1; }

if $stop; then
    if ! $second; then
        echo "start-dockerd: --stop stops only the second engine (the first may be shared)" >&2
        exit 2
    fi
    if [ ! -s "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "start-dockerd: the second engine is not running"
        exit 0
    fi
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    for _ in $(seq "$wait_seconds"); do
        kill -0 "$pid" 2>/dev/null || { echo "start-dockerd: the second engine (pid $pid) stopped"; exit 0; }
        sleep 1
    done
    echo "start-dockerd: the second engine (pid $pid) did not stop within ${wait_seconds}s" >&2
    exit 1
fi

if answers; then
    echo "start-dockerd: the $name Docker engine already answers on $socket; nothing to do"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "start-dockerd: dockerd must be started as root (run: sudo $0 $*)" >&2
    exit 1
fi
for tool in dockerd docker unshare ip; do
    command -v "$tool" >/dev/null || { echo "start-dockerd: $tool not found: apt-get install docker.io iproute2 util-linux" >&2; exit 1; }
done
if $second; then
    mkdir -p "$data_root" "$exec_root"
    rm -f "$socket" # a socket file left by an engine that was killed
fi

echo "start-dockerd: starting the $name dockerd in a loopback-only network namespace; socket $socket; log: $log"
mkdir -p "$(dirname "$log")"
# The arguments reach the inner shell as "$@" (after its $0), so paths need no quoting inside the string.
nohup unshare -n sh -c 'ip link set lo up; exec dockerd --bridge=none --iptables=false --ip-masq=false "$@"' \
    start-dockerd "${own[@]}" >>"$log" 2>&1 </dev/null &
pid=$!

for _ in $(seq "$wait_seconds"); do
    if answers; then
        echo "start-dockerd: engine $(env -u DOCKER_HOST docker -H "unix://$socket" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers on $socket (pid $pid)"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start-dockerd: dockerd exited; last lines of $log:" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    sleep 1
done
echo "start-dockerd: no answer from docker info on $socket after ${wait_seconds}s; last lines of $log:" >&2
tail -n 20 "$log" >&2
exit 1
