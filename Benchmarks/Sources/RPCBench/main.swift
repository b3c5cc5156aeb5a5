// marquee-rpc-bench: gRPC round trips of Marquee's RPC runtime (issue 3).
//
//   marquee-rpc-bench health [--transport http2,inprocess] [--inflight 1,64]
//                            [--seconds 5] [--warmup 1.5] [--target HOST:PORT]
//   marquee-rpc-bench serve [--port 0] [--setup NAME]   # health-only HTTP/2 server; prints "PORT n"
//   marquee-rpc-bench orders --database-url postgres://… [--inflight 1,64] [--transport http2,inprocess]
//                            [--max-connections 20] [--ticket-types 1]
//   marquee-rpc-bench anatomy [--only TEXT] [--target HOST:PORT --server-pid PID]
//                            # grpc-swift set up by hand, MarqueeRPC's layers one at a time,
//                            # event loop / task executor placements (see Anatomy.swift)
//   global: --nio-executor   install NIO's event loops as Swift Concurrency's global
//                            executor (NIOSingletons) before anything else runs
//           --json           one JSON line per measurement (for scripts/bench-rpc)
//           --seconds S --warmup W   measured and warm-up time per configuration
// A measurement is a closed loop: N workers each calling back to back; calls/s =
// completed calls / wall time; p50/p99 over every call; CPU = this process's
// (+ the server process's with --server-pid, + PostgreSQL's for orders).
//
// Health.Check with service "" is answered by MarqueeRPC's HealthService through
// the server interceptor (request id, metadata), like every Marquee call; the
// client is MarqueeRPC's RPCClient (one HTTP/2 connection, its call policy).
import NIOCore
import NIOPosix

let arguments = Array(CommandLine.arguments.dropFirst())

// Must run before the first task is enqueued on the global executor.
var nioExecutor = false
if arguments.contains("--nio-executor") {
    nioExecutor = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    if !nioExecutor {
        FileHandleOutput.err("warning: could not install the NIO event loops as the global executor")
    }
}

let options = Options(arguments)
let exitCode = await Bench.main(options, nioExecutor: nioExecutor)
exit(exitCode)
