// marquee-ws-load: the WebSocket fan-out benchmark of scripts/bench-ws (issue 5).
//
//   ws     N graphql-transport-ws subscribers of `eventUpdated(id)` on one gateway;
//          events published through Redis (MarqueePubSub.RedisPubSub, the payload
//          a Marquee_V1_Event whose description is the send time in ns) at M/s.
//          Reports the gateway's resident memory per idle subscriber, delivered
//          messages/s, publish-to-delivery latency and lost messages.
//   redis  the same publisher and measurement with N plain Redis SUBSCRIBE
//          connections on one channel: what Redis alone does at the same fan-out.
//          `--hold-until-file F` then keeps the subscribers reading until F exists
//          (scripts/bench-ws runs redis-benchmark PUBLISH against them meanwhile).
//
// The last line of a run is `RESULT {json}` for scripts/bench-ws.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { usage() }
let options = Options.parse(Array(arguments.dropFirst()))
switch mode {
case "ws": await WSLoad(options).run()
case "redis": await RedisLoad(options).run()
default: usage()
}
exit(0)

func usage() -> Never {
    say("""
        usage: marquee-ws-load ws --url ws://127.0.0.1:PORT/graphql --event GLOBAL_EVENT_ID --redis redis://127.0.0.1:P
                                  --subscribers N --rate M --seconds S [--batch 100 --ramp-rate 1000 --max-retries 20] [--server-pid PID] [--redis-pid PID]
               marquee-ws-load redis --redis redis://127.0.0.1:P --subscribers N --rate M --seconds S
                                  [--channel bench] [--server-pid REDIS_PID] [--hold-until-file F]
        """)
    exit(2)
}
