#if canImport(Glibc)
import Glibc
#endif
import Logging
import Synchronization

/// Log lines on standard error in swift-log's `StreamLogHandler` format
/// (`<time> <level> <label>: key=value … [<source>] <message>`), with the
/// metadata formatted when a line is written — not every time it changes, as
/// `StreamLogHandler` does — and the request id from ``RequestID/current``.
public struct MarqueeLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private static let output = Mutex(())

    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    /// Makes every logger of the process use this handler (once, at start-up),
    /// with the task's request id (``RequestID/current``) on every line: the id
    /// is read when a line is written, so no request pays for a logger copy.
    public static func bootstrap() {
        LoggingSystem.bootstrap({ label, provider in MarqueeLogHandler(label: label, metadataProvider: provider) }, metadataProvider: requestIDProvider)
    }

    /// `request-id=<id>` inside a request, nothing outside.
    public static let requestIDProvider = Logger.MetadataProvider {
        guard let id = RequestID.current.get() else { return [:] }
        return ["request-id": .string(id)]
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata, !explicit.isEmpty { merged.merge(explicit) { _, new in new } }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let pretty = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(Self.timestamp()) \(event.level)\(label.isEmpty ? "" : " ")\(label):\(pretty) [\(event.source)] \(event.message)\n"
        Self.output.withLock { _ in writeAll(2, Array(line.utf8)) }
    }

    private static func timestamp() -> String {
        var buffer = [Int8](repeating: 0, count: 64)
        var now = time(nil)
        guard let local = localtime(&now) else { return "<unknown>" }
        strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", local)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

/// Writes every byte to a file descriptor (unbuffered, so nothing is lost on exit).
public func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
