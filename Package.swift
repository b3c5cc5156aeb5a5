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
    ],
    targets: [
        // The GraphQL engine: language, type system, validation, execution,
        // introspection. Swift standard library only; knows nothing of HTTP, gRPC
        // or the ticketing domain.
        .target(name: "MarqueeGraphQL"),
        .executableTarget(
            name: "marquee",
            dependencies: [
                "MarqueeGraphQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarqueeGraphQLTests", dependencies: ["MarqueeGraphQL"]),
    ],
    swiftLanguageModes: [.v6]
)
