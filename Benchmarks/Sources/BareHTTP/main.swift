// marquee-bare-http: the ceiling of scripts/bench-http (issue 4). A bare
// Hummingbird 2 server on this machine: `POST /<N>` reads the request body and
// answers a fixed application/json body of exactly N bytes, with nothing else
// in the way (no middleware, no GraphQL, no services). The gateway's figures
// are set against this server's at the same response size.
//
//   marquee-bare-http --port 8099 --sizes 1234,56789 [--host 127.0.0.1] [--nio-executor]
//
// `--nio-executor` runs Swift concurrency on SwiftNIO's event loops, as
// `marquee` does by default (MARQUEE_NIO_EXECUTOR): the ceiling in the same
// configuration as the gateway.
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

struct Options {
    var host = "127.0.0.1"
    var port = 8099
    var sizes: [Int] = []
    var nioExecutor = false

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--host": options.host = value()
            case "--port": options.port = number(value(), "--port")
            case "--sizes":
                options.sizes = value().split(separator: ",").map { number(String($0), "--sizes") }
            case "--nio-executor": options.nioExecutor = true
            case "-h", "--help":
                print("usage: marquee-bare-http --port P --sizes N1,N2,... [--host H] [--nio-executor]   (POST /<N> answers N bytes of JSON)")
                exit(0)
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
        if options.sizes.isEmpty { fail("--sizes is required") }
        return options
    }
}

func number(_ text: String, _ option: String) -> Int {
    guard let value = Int(text), value >= 0 else { fail("\(option): not a number: \(text)") }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("marquee-bare-http: \(message)\n".utf8))
    exit(2)
}

/// A JSON document of exactly `size` bytes: `{"data":"xxx…"}` (sizes below 12
/// are padded with spaces instead).
func body(size: Int) -> ByteBuffer {
    let head = #"{"data":""#, tail = #""}"#
    var text: String
    if size >= head.utf8.count + tail.utf8.count {
        text = head + String(repeating: "x", count: size - head.utf8.count - tail.utf8.count) + tail
    } else {
        text = "{}" + String(repeating: " ", count: max(0, size - 2))
    }
    precondition(text.utf8.count == max(size, 2))
    return ByteBuffer(string: text)
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
if options.nioExecutor {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
var logger = Logger(label: "marquee-bare-http")
logger.logLevel = .warning

let router = Router(context: BasicRequestContext.self)
for size in Set(options.sizes) {
    let fixed = body(size: size)
    router.post("/\(size)") { request, _ -> Response in
        var request = request
        _ = try await request.collectBody(upTo: 1 << 20)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: fixed))
    }
}
router.get("/health") { _, _ in "ok" }

let app = Application(
    router: router,
    configuration: .init(address: .hostname(options.host, port: options.port), serverName: "bare"),
    logger: logger)
try await app.runService()
