// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Marquee",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "marquee", targets: ["marquee"]),
        .library(name: "MarqueeGraphQL", targets: ["MarqueeGraphQL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
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
        .executableTarget(
            name: "marquee",
            dependencies: [
                "MarqueeGraphQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarqueeGraphQLTests", dependencies: ["MarqueeGraphQL"]),
        .testTarget(
            name: "MarqueeProtoTests",
            dependencies: ["MarqueeProto", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
