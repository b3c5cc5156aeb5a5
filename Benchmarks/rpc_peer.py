#!/usr/bin/env python3
"""The peer of marquee-rpc-bench (issue 3): a Python grpcio client calling a
Python grpcio server's grpc.health.v1.Health/Check (service "") on loopback,
with the same proto (proto/grpc/health/v1/health.proto, stubs generated with
grpc_tools.protoc into a temp dir), at 1 and 64 calls in flight.

    python3 Benchmarks/rpc_peer.py [--inflight 1,64] [--seconds 5] [--warmup 1.5]
                                   [--variants sync/sync,aio/aio,...] [--json]

The server runs in its own process (its own GIL); the client in this one. A
variant is CLIENT/SERVER:
  client sync: the blocking stub; 1 in flight = a loop, N in flight = N threads
               sharing one channel
  client aio:  grpc.aio, N asyncio tasks on one channel
  server sync: grpc.server(ThreadPoolExecutor(16)), a plain servicer
  server aio:  grpc.aio.server, an async servicer
One JSON line per measurement (same fields as marquee-rpc-bench --json); CPU is
the client's process time plus the server process's utime+stime (/proc).
"""
import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROTO = os.path.join(REPO, "proto", "grpc", "health", "v1", "health.proto")


def make_stubs_dir():
    """health_pb2 / health_pb2_grpc generated into a temp dir (shared with the
    server child through RPC_PEER_STUBS). Generated from the proto's own
    directory so the modules are top-level (a package named grpc.health.v1 would
    shadow grpcio); the wire names (/grpc.health.v1.Health/Check) are the proto's."""
    out = os.environ.get("RPC_PEER_STUBS")
    if not out:
        out = tempfile.mkdtemp(prefix="rpc-peer-stubs-")
        from grpc_tools import protoc
        rc = protoc.main(["protoc", "-I", os.path.dirname(PROTO), f"--python_out={out}",
                          f"--grpc_python_out={out}", PROTO])
        if rc != 0:
            sys.exit(f"rpc_peer: protoc failed ({rc})")
        os.environ["RPC_PEER_STUBS"] = out
    if out not in sys.path:
        sys.path.insert(0, out)
    return out


def import_stubs():
    make_stubs_dir()
    import health_pb2
    import health_pb2_grpc
    return health_pb2, health_pb2_grpc


# ---------------------------------------------------------------- server child

def serve(kind):
    import grpc
    health_pb2, health_pb2_grpc = import_stubs()
    serving = health_pb2.HealthCheckResponse.SERVING

    if kind == "sync":
        from concurrent import futures

        class Health(health_pb2_grpc.HealthServicer):
            def Check(self, request, context):
                return health_pb2.HealthCheckResponse(status=serving)

        server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
        health_pb2_grpc.add_HealthServicer_to_server(Health(), server)
        port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        print(f"PORT {port}", flush=True)
        server.wait_for_termination()
    else:
        class Health(health_pb2_grpc.HealthServicer):
            async def Check(self, request, context):
                return health_pb2.HealthCheckResponse(status=serving)

        async def main():
            server = grpc.aio.server()
            health_pb2_grpc.add_HealthServicer_to_server(Health(), server)
            port = server.add_insecure_port("127.0.0.1:0")
            await server.start()
            print(f"PORT {port}", flush=True)
            await server.wait_for_termination()

        asyncio.run(main())


# ---------------------------------------------------------------- client side

def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summarize(variant, inflight, latencies, errors, first_error, elapsed, cpu):
    latencies.sort()

    def pct(p):
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] / 1000.0

    calls = len(latencies) - errors
    return {
        "impl": "python", "bench": "health-http2", "variant": variant, "inflight": inflight,
        "calls": calls, "errors": errors, "seconds": elapsed, "cpu_seconds": cpu,
        "rate": calls / elapsed if elapsed > 0 else 0.0,
        "p50_us": pct(0.50), "p99_us": pct(0.99),
        **({"first_error": first_error} if first_error else {}),
    }


def run_sync(port, inflight, health_pb2, health_pb2_grpc):
    import grpc
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    stub = health_pb2_grpc.HealthStub(channel)
    request = health_pb2.HealthCheckRequest(service="")
    stub.Check(request, timeout=30)

    def phase(duration):
        end = time.perf_counter_ns() + int(duration * 1e9)
        results = [None] * inflight

        def worker(index):
            lat, errors, first = [], 0, None
            clock = time.perf_counter_ns
            check = stub.Check
            while True:
                t0 = clock()
                if t0 >= end:
                    break
                try:
                    check(request, timeout=30)
                except Exception as error:  # counted, not fatal
                    errors += 1
                    first = first or repr(error)
                lat.append(clock() - t0)
            results[index] = (lat, errors, first)

        if inflight == 1:
            worker(0)
        else:
            threads = [threading.Thread(target=worker, args=(i,)) for i in range(inflight)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        return results

    return phase, channel.close


def run_aio(port, server_pid, inflight, warmup, seconds, health_pb2, health_pb2_grpc):
    import grpc

    async def phase_async(stub, request, duration):
        end = time.perf_counter_ns() + int(duration * 1e9)

        async def worker():
            lat, errors, first = [], 0, None
            clock = time.perf_counter_ns
            while True:
                t0 = clock()
                if t0 >= end:
                    break
                try:
                    await stub.Check(request, timeout=30)
                except Exception as error:
                    errors += 1
                    first = first or repr(error)
                lat.append(clock() - t0)
            return lat, errors, first

        return await asyncio.gather(*(worker() for _ in range(inflight)))

    async def measure_all():
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            request = health_pb2.HealthCheckRequest(service="")
            await stub.Check(request, timeout=30)
            if warmup > 0:
                await phase_async(stub, request, warmup)
            start = time.perf_counter_ns()
            cpu0 = time.process_time()
            server_cpu0 = proc_cpu_seconds(server_pid)
            results = await phase_async(stub, request, seconds)
            elapsed = (time.perf_counter_ns() - start) / 1e9
            cpu = time.process_time() - cpu0 + proc_cpu_seconds(server_pid) - server_cpu0
            return results, elapsed, cpu

    return measure_all


def start_server(kind):
    child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "serve", "--server", kind],
                             stdout=subprocess.PIPE, env=os.environ.copy(), text=True)
    line = child.stdout.readline()
    if not line.startswith("PORT "):
        child.kill()
        sys.exit(f"rpc_peer: the {kind} server did not start ({line!r})")
    return child, int(line.split()[1])


def measure(variant, inflight, warmup, seconds):
    client_kind, server_kind = variant.split("/")
    health_pb2, health_pb2_grpc = import_stubs()
    child, port = start_server(server_kind)
    try:
        if client_kind == "sync":
            phase, close = run_sync(port, inflight, health_pb2, health_pb2_grpc)
            if warmup > 0:
                phase(warmup)
            start = time.perf_counter_ns()
            cpu0 = time.process_time()
            server_cpu0 = proc_cpu_seconds(child.pid)
            results = phase(seconds)
            elapsed = (time.perf_counter_ns() - start) / 1e9
            cpu = time.process_time() - cpu0 + proc_cpu_seconds(child.pid) - server_cpu0
            close()
        else:
            measure_all = run_aio(port, child.pid, inflight, warmup, seconds, health_pb2, health_pb2_grpc)
            results, elapsed, cpu = asyncio.run(measure_all())
    finally:
        child.terminate()
        child.wait()
    latencies, errors, first = [], 0, None
    for lat, e, f in results:
        latencies += lat
        errors += e
        first = first or f
    label = f"{client_kind} client, {server_kind} server (separate processes)"
    return summarize(label, inflight, latencies, errors, first, elapsed, cpu)


def fmt(x):
    return str(round(x)) if x >= 100 else str(round(x, 1))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        make_stubs_dir()
        serve(sys.argv[sys.argv.index("--server") + 1])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inflight", default="1,64")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.5)
    parser.add_argument("--variants", default="sync/sync,sync/aio,aio/sync,aio/aio")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    make_stubs_dir()
    import grpc
    for inflight in [int(x) for x in args.inflight.split(",")]:
        for variant in args.variants.split(","):
            m = measure(variant, inflight, args.warmup, args.seconds)
            m["grpcio"] = grpc.__version__
            if args.json:
                print(json.dumps(m), flush=True)
            else:
                print(f"{m['bench']} [{m['variant']}] in flight {inflight}: {round(m['rate'])} calls/s, "
                      f"p50 {fmt(m['p50_us'])} µs, p99 {fmt(m['p99_us'])} µs, "
                      f"CPU {fmt(m['cpu_seconds'] / m['seconds'] * 100)}%, {m['calls']} calls"
                      + (f", {m['errors']} ERRORS ({m.get('first_error')})" if m["errors"] else ""), flush=True)


if __name__ == "__main__":
    main()
