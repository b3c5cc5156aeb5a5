// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Marquee",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "marquee", targets: ["marquee"]),
        .library(name: "MarqueeGraphQL", targets: ["MarqueeGraphQL"]),
        .library(name: "MarqueeProto", targets: ["MarqueeProto"]),
        .library(name: "MarqueeRPC", targets: ["MarqueeRPC"]),
        .library(name: "MarqueeStore", targets: ["MarqueeStore"]),
        .library(name: "MarqueePubSub", targets: ["MarqueePubSub"]),
        .library(name: "MarqueeServices", targets: ["MarqueeServices"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The GraphQL engine: language, type system, validation, execution,
        // introspection. Swift standard library only; knows nothing of HTTP, gRPC
        // or the ticketing domain.
        .target(name: "MarqueeGraphQL"),
        // Code generated from proto/ by scripts/generate-proto (committed, never
        // edited by hand): the services' messages, clients and server protocols.
        .target(
            name: "MarqueeProto",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ]
        ),
        // The RPC runtime: servers and clients over HTTP/2 or in process, call
        // metadata (request id, caller token), deadlines, retries, status mapping,
        // the standard health service.
        .target(
            name: "MarqueeRPC",
            dependencies: [
                "MarqueeProto",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Storage: one repository protocol over a small SQL driver protocol, with
        // PostgreSQL (postgres-nio) and SQLite (sqlite-nio) drivers; migrations.
        .target(
            name: "MarqueeStore",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // hiredis (system library): the RESP reply reader and command formatter.
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        // Domain events between services and gateways: the PubSub protocol, its
        // in-process broker and the Redis broker (hiredis's reader over SwiftNIO).
        .target(
            name: "MarqueePubSub",
            dependencies: [
                "CHiredis",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The ticketing domain as gRPC services.
        .target(
            name: "MarqueeServices",
            dependencies: [
                "MarqueeProto", "MarqueeRPC", "MarqueeStore", "MarqueePubSub",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The public API: GraphQL over HTTP (Hummingbird), resolved through the
        // services' gRPC clients with per-request DataLoaders; auth, limits, explorer.
        .target(
            name: "MarqueeGateway",
            dependencies: [
                "MarqueeGraphQL", "MarqueeRPC", "MarqueeProto", "MarqueePubSub",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "marquee",
            dependencies: [
                "MarqueeGraphQL", "MarqueeRPC", "MarqueeStore", "MarqueePubSub", "MarqueeServices", "MarqueeGateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "MarqueeGraphQLTests", dependencies: ["MarqueeGraphQL"]),
        .testTarget(
            name: "MarqueeProtoTests",
            dependencies: ["MarqueeProto", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .testTarget(name: "MarqueeStoreTests", dependencies: ["MarqueeStore"]),
        .testTarget(name: "MarqueePubSubTests", dependencies: ["MarqueePubSub"]),
        .testTarget(
            name: "MarqueeRPCTests",
            dependencies: ["MarqueeRPC", "MarqueeProto", .product(name: "GRPCCore", package: "grpc-swift-2")]
        ),
        .testTarget(
            name: "MarqueeGatewayTests",
            dependencies: [
                "MarqueeGateway", "MarqueeGraphQL", "MarqueeRPC", "MarqueeServices", "MarqueeStore", "MarqueePubSub",
                "MarqueeProto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "MarqueeServicesTests",
            dependencies: [
                "MarqueeServices", "MarqueeRPC", "MarqueeStore", "MarqueePubSub", "MarqueeProto",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
