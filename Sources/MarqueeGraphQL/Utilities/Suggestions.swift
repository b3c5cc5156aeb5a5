/// Given an invalid input and a list of valid options, the options sorted by
/// similarity (graphql-js `suggestionList`, lexical distance with transposition).
public func suggestionList(_ input: String, _ options: [String]) -> [String] {
    var distances: [(String, Int)] = []
    let inputLower = Array(input.lowercased().unicodeScalars)
    let threshold = Int(Double(input.unicodeScalars.count) * 0.4) + 1
    for option in options {
        let distance: Int
        if input == option {
            distance = 0
        } else {
            let optionLower = Array(option.lowercased().unicodeScalars)
            distance = inputLower == optionLower ? 1 : lexicalDistance(inputLower, optionLower, threshold: threshold)
        }
        if distance <= threshold { distances.append((option, distance)) }
    }
    distances.sort { a, b in
        if a.1 != b.1 { return a.1 < b.1 }
        return naturalCompare(a.0, b.0) < 0
    }
    return distances.map(\.0)
}

/// Damerau-Levenshtein distance (optimal string alignment), capped by `threshold`.
func lexicalDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], threshold: Int) -> Int {
    var a = a, b = b
    if a.count > b.count { swap(&a, &b) }
    let aLength = a.count, bLength = b.count
    if bLength - aLength > threshold { return threshold + 1 }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: aLength + 1), count: 3)
    for j in 0...aLength { rows[0][j] = j }
    for i in 1...max(bLength, 1) where bLength > 0 {
        let upRow = rows[(i - 1) % 3]
        var currentRow = rows[i % 3]
        currentRow[0] = i
        var smallest = i
        for j in 1...max(aLength, 1) where aLength > 0 {
            let cost = a[j - 1] == b[i - 1] ? 0 : 1
            var current = min(upRow[j] + 1, currentRow[j - 1] + 1, upRow[j - 1] + cost)
            if i > 1 && j > 1 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1] {
                let doubleDiagonal = rows[(i - 2) % 3][j - 2]
                current = min(current, doubleDiagonal + 1)
            }
            if current < smallest { smallest = current }
            currentRow[j] = current
        }
        rows[i % 3] = currentRow
        if smallest > threshold { return threshold + 1 }
    }
    if aLength == 0 { return bLength <= threshold ? bLength : threshold + 1 }
    let distance = rows[bLength % 3][aLength]
    return distance <= threshold ? distance : threshold + 1
}

/// graphql-js `naturalCompare`: digits compare by numeric value.
func naturalCompare(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8), y = Array(b.utf8)
    var i = 0, j = 0
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    while i < x.count && j < y.count {
        if isDigit(x[i]) && isDigit(y[j]) {
            var n1 = 0, n2 = 0
            let s1 = i, s2 = j
            while i < x.count && isDigit(x[i]) { n1 = n1 &* 10 &+ Int(x[i] - 48); i += 1 }
            while j < y.count && isDigit(y[j]) { n2 = n2 &* 10 &+ Int(y[j] - 48); j += 1 }
            _ = (s1, s2)
            if n1 != n2 { return n1 < n2 ? -1 : 1 }
        } else {
            if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
            i += 1
            j += 1
        }
    }
    return (x.count - i) - (y.count - j)
}

/// " Did you mean "a", "b" or "c"?" (graphql-js `didYouMean`), at most 5.
public func didYouMean(_ subMessage: String? = nil, _ suggestions: [String]) -> String {
    guard !suggestions.isEmpty else { return "" }
    var message = " Did you mean "
    if let subMessage { message += subMessage + " " }
    let quoted = suggestions.prefix(5).map { "\"\($0)\"" }
    switch quoted.count {
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default:
        return message + quoted.dropLast().joined(separator: ", ") + ", or " + quoted.last! + "?"
    }
}

public func didYouMean(_ suggestions: [String]) -> String { didYouMean(nil, suggestions) }
