// swift-tools-version:6.2
// Builds the protoc plugins that scripts/generate-proto uses, pinned to the
// versions the product depends on. Not part of the product build.
import PackageDescription

let package = Package(
    name: "ProtocPlugins",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
    ],
    targets: []
)
