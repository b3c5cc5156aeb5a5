// swift-tools-version:6.2
// The benchmark suite of Marquee's GraphQL engine against the peer
// GraphQLSwift/GraphQL, on the shared fixture (../../shared/bench). A separate
// package so the peer never becomes a dependency of the root package.
//
//   swift build -c release --package-path Benchmarks
//   Benchmarks/.build/release/marquee-bench run --fixture ../shared/bench
//   Benchmarks/.build/release/marquee-rpc-bench all     (gRPC round trips; see scripts/bench-rpc)
//
// MARQUEE_BENCH_PEER_ONLY=1 at build time leaves the Marquee half out (for when
// the engine does not compile); the binary then measures only the peer.
import PackageDescription
import Foundation

let peerOnly = ProcessInfo.processInfo.environment["MARQUEE_BENCH_PEER_ONLY"].map { !$0.isEmpty && $0 != "0" } ?? false

var cliDependencies: [Target.Dependency] = ["BenchSupport", "PeerAdapter"]
var cliSettings: [SwiftSetting] = []
var targets: [Target] = [
    // Fixture loading, a neutral JSON value for comparing responses, timing,
    // memory probes, table printing. Depends on neither engine.
    .target(name: "BenchSupport"),
    // GraphQLSwift/GraphQL set up with the fixture's resolver contract.
    .target(
        name: "PeerAdapter",
        dependencies: [
            "BenchSupport",
            .product(name: "GraphQL", package: "GraphQL"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]
    ),
]
var dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/GraphQLSwift/GraphQL", from: "4.3.0"),
    // Already a dependency of GraphQL; named here for its OrderedDictionary (Map).
    .package(url: "https://github.com/apple/swift-collections", from: "1.0.0"),
]

if peerOnly {
    cliSettings.append(.define("PEER_ONLY"))
} else {
    dependencies.append(.package(name: "Marquee", path: ".."))
    targets.append(.target(
        name: "MarqueeAdapter",
        dependencies: ["BenchSupport", .product(name: "MarqueeGraphQL", package: "Marquee")]
    ))
    cliDependencies.append("MarqueeAdapter")
    // gRPC round trips (issue 3): Health.Check over HTTP/2 loopback and the
    // in-process transport, PlaceOrder on PostgreSQL; scripts/bench-rpc runs it
    // next to the grpcio peer (rpc_peer.py).
    dependencies += [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    ]
    targets.append(.executableTarget(
        name: "RPCBench",
        dependencies: [
            .product(name: "MarqueeRPC", package: "Marquee"),
            .product(name: "MarqueeProto", package: "Marquee"),
            .product(name: "MarqueeServices", package: "Marquee"),
            .product(name: "MarqueeStore", package: "Marquee"),
            .product(name: "MarqueePubSub", package: "Marquee"),
            .product(name: "GRPCCore", package: "grpc-swift-2"),
            .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]
    ))
    // The gateway over HTTP (issue 4): scripts/bench-http runs wrk against
    // `marquee serve --demo` and against this bare Hummingbird endpoint (the
    // machine's ceiling at the same response size).
    // WebSocket fan-out (issue 5): scripts/bench-ws runs marquee-ws-load (N
    // graphql-transport-ws subscribers, events published through Redis) next to
    // plain Redis subscribers and redis-benchmark.
    dependencies += [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ]
    targets.append(.executableTarget(
        name: "BareHTTP",
        dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]
    ))
    targets.append(.executableTarget(
        name: "WSLoad",
        dependencies: [
            .product(name: "MarqueeProto", package: "Marquee"),
            .product(name: "MarqueePubSub", package: "Marquee"),
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]
    ))
}

targets.append(.executableTarget(name: "MarqueeBenchCLI", dependencies: cliDependencies, swiftSettings: cliSettings))

let package = Package(
    name: "MarqueeBenchmarks",
    platforms: [.macOS(.v15)],
    products: peerOnly ? [
        .executable(name: "marquee-bench", targets: ["MarqueeBenchCLI"]),
    ] : [
        .executable(name: "marquee-bench", targets: ["MarqueeBenchCLI"]),
        .executable(name: "marquee-rpc-bench", targets: ["RPCBench"]),
        .executable(name: "marquee-bare-http", targets: ["BareHTTP"]),
        .executable(name: "marquee-ws-load", targets: ["WSLoad"]),
    ],
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
