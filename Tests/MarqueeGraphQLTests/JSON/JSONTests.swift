import Testing
@testable import MarqueeGraphQL

@Suite struct JSONTests {
    @Test func parsesAndWritesRoundTrip() throws {
        let text = #"{"a":1,"b":[true,false,null],"c":"x\"y\\z\n\u0001","d":-2.5,"e":{}}"#
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.string(of: value) == text)
    }

    @Test func escapesAtEveryPositionOfLongStrings() throws {
        for position in 0..<20 {
            for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "é", "😀"] {
                var text = String(repeating: "a", count: 19)
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                let written = JSONWriter.string(of: .string(text))
                #expect(try JSONParser.parse(written) == .string(text), "\(position) \(special)")
            }
        }
        #expect(JSONWriter.string(of: "tab\there \u{7F}~") == #""tab\there \#u{7F}~""#)
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""\ud83d\ude00 \u00e9 \/""#)
        #expect(value == .string("😀 é /"))
    }

    @Test func repeatedKeyKeepsLastValueInFirstPlace() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(JSONWriter.string(of: value) == #"{"a":3,"b":2}"#)
    }

    @Test func integersAndDoublesAreDistinct() throws {
        #expect(try JSONParser.parse("12") == .int(12))
        #expect(try JSONParser.parse("12.0") == .double(12))
        #expect(try JSONParser.parse("1e3") == .double(1000))
        #expect(JSONWriter.string(of: .double(12)) == "12.0")
        #expect(JSONWriter.string(of: .double(0.1)) == "0.1")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "tru", "\"\\x\"", "\"\\ud800\"", "[1] 2", "\"a\u{01}\""])
    func rejectsMalformedJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(objects) }
    }
}
