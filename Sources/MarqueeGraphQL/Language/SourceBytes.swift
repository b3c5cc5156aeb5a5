/// The UTF-8 bytes of a source text, copied once into memory the lexer owns and
/// followed by zero bytes, so the lexer may look a few bytes past any position
/// without a bounds check (a zero byte matches no punctuator, quote or digit).
final class SourceBytes: @unchecked Sendable {
    static let padding = 16

    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    init(_ text: String) {
        var text = text
        let count = text.utf8.count
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: count + Self.padding)
        text.withUTF8 { bytes in
            if let source = bytes.baseAddress { base.initialize(from: source, count: count) }
        }
        (base + count).initialize(repeating: 0, count: Self.padding)
        self.base = base
        self.count = count
    }

    deinit {
        base.deallocate()
    }

    /// The text of a byte range, built once.
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// The text of at most `scalars` Unicode scalars starting at byte `start`, for
    /// error messages that quote the source (graphql-js slices by character there).
    func string(from start: Int, scalars: Int) -> String {
        var end = start
        var taken = 0
        while end < count && taken < scalars {
            end += 1
            while end < count && base[end].isUTF8Continuation { end += 1 }
            taken += 1
        }
        return string(start, end)
    }

    /// The Unicode scalar that starts at byte `offset` (the source is valid UTF-8).
    func scalar(at offset: Int) -> UInt32 {
        let lead = UInt32(base[offset])
        if lead < 0x80 { return lead }
        func next(_ i: Int) -> UInt32 { UInt32(base[offset + i] & 0x3F) }
        if lead < 0xE0 { return (lead & 0x1F) << 6 | next(1) }
        if lead < 0xF0 { return (lead & 0x0F) << 12 | next(1) << 6 | next(2) }
        return (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset, counting
    /// `\r\n`, `\n` and `\r` as line terminators, as graphql-js's getLocation does.
    func sourceLocation(at offset: Int) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var continuations = 0
        var position = 0
        let end = min(offset, count)
        while position < end {
            let byte = base[position]
            position += 1
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && position < count && base[position] == 0x0A { position += 1 }
                line += 1
                lineStart = position
                continuations = 0
            } else if byte.isUTF8Continuation {
                continuations += 1
            }
        }
        return SourceLocation(line: line, column: 1 + offset - lineStart - continuations)
    }
}
