// swift-tools-version:6.2
// The benchmark suite of Marquee's GraphQL engine against the peer
// GraphQLSwift/GraphQL, on the shared fixture (../../shared/bench). A separate
// package so the peer never becomes a dependency of the root package.
//
//   swift build -c release --package-path Benchmarks
//   Benchmarks/.build/release/marquee-bench run --fixture ../shared/bench
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
}

targets.append(.executableTarget(name: "MarqueeBenchCLI", dependencies: cliDependencies, swiftSettings: cliSettings))

let package = Package(
    name: "MarqueeBenchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "marquee-bench", targets: ["MarqueeBenchCLI"]),
    ],
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
