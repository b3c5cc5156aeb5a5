/// Where a node or token sits in its source text: UTF-8 byte offsets and the
/// 1-based line and column (in Unicode scalars) of its start.
public struct Location: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var line: Int32
    public var column: Int32

    @inlinable public init(start: Int, end: Int, line: Int, column: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    public static let unknown = Location(start: 0, end: 0, line: 0, column: 0)

    /// The line and column of the start, as GraphQL errors report them.
    public var sourceLocation: SourceLocation { SourceLocation(line: Int(line), column: Int(column)) }
}

/// A line and column, both 1-based, as in a GraphQL error's `locations`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A GraphQL document's text and a name for it (for error messages).
public struct Source: Sendable {
    public let body: String
    public let name: String
    public init(body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
    }
}
