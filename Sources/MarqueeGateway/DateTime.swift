import MarqueeGraphQL
import SwiftProtobuf

/// The `DateTime` scalar: RFC 3339 instants, written in UTC (`2026-12-31T19:00:00Z`).
enum DateTime {
    /// "2026-12-31T19:00:00Z" (fractions only when present).
    static func format(_ timestamp: Google_Protobuf_Timestamp) -> String {
        let seconds = timestamp.seconds
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let (year, month, day) = civil(fromDays: days)
        guard (0...9999).contains(year) else {
            // Outside four-digit years: the general (slower) form.
            var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))"
            if timestamp.nanos > 0 {
                var fraction = pad(Int64(timestamp.nanos), 9)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
            return text + "Z"
        }
        // YYYY-MM-DDTHH:MM:SS[.fraction]Z written into one buffer.
        return String(unsafeUninitializedCapacity: 30) { buffer in
            var at = 0
            func digits(_ value: Int64, _ width: Int) {
                var value = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[at + offset] = UInt8(48 + value % 10)
                    value /= 10
                }
                at += width
            }
            func byte(_ character: UInt8) {
                buffer[at] = character
                at += 1
            }
            digits(year, 4); byte(45); digits(month, 2); byte(45); digits(day, 2); byte(84)
            digits(rest / 3600, 2); byte(58); digits(rest / 60 % 60, 2); byte(58); digits(rest % 60, 2)
            if timestamp.nanos > 0 {
                byte(46)
                var nanos = Int64(timestamp.nanos), width = 9
                while nanos % 10 == 0 { nanos /= 10; width -= 1 }
                digits(nanos, width)
            }
            byte(90)
            return at
        }
    }

    /// Parses an RFC 3339 date-time (with `Z` or a numeric offset); nil when invalid.
    static func parse(_ text: String) -> Google_Protobuf_Timestamp? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for index in from..<from + count {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int64(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45, let day = number(8, 2),
              bytes[10] == 84 || bytes[10] == 116, let hour = number(11, 2), bytes[13] == 58, let minute = number(14, 2),
              bytes[16] == 58, let second = number(17, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60, second < 60 else {
            return nil
        }
        var index = 19
        var nanos: Int64 = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                if digits < 9 { nanos = nanos * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 9)..<9 { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 90, 122: index += 1
        case 43, 45:
            guard let hours = number(index + 1, 2), bytes.count > index + 3, bytes[index + 3] == 58,
                  let minutes = number(index + 4, 2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 43 ? 1 : -1)
            index += 6
        default: return nil
        }
        guard index == bytes.count else { return nil }
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(nanos))
    }

    /// The scalar's coercion functions, installed on the schema's `DateTime`.
    static func install(in schema: GraphQLSchema) {
        guard let scalar = schema.type(named: "DateTime") as? GraphQLScalarType else { return }
        scalar.serialize = { value in
            if let timestamp = value as? Google_Protobuf_Timestamp { return .string(format(timestamp)) }
            if let text = value as? String { return .string(text) }
            throw GraphQLError("DateTime cannot represent a non-date value")
        }
        scalar.parseValue = { json in
            guard case .string(let text) = json, let timestamp = parse(text) else {
                throw GraphQLError("DateTime must be an RFC 3339 date-time such as \"2026-12-31T19:00:00Z\"")
            }
            return .string(format(timestamp))
        }
        scalar.parseLiteral = { literal, _ in
            guard case .string(let text, _, _) = literal, let timestamp = parse(text) else {
                throw GraphQLError("DateTime must be an RFC 3339 date-time such as \"2026-12-31T19:00:00Z\"")
            }
            return .string(format(timestamp))
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
