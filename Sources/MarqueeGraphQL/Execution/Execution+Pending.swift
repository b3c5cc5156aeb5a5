// Running the work that resolvers returned as `.async`, all of it concurrently, and
// writing each completed value into the response at its path.

extension Execution {
    func drain() async {
        guard !pending.isEmpty else { return }
        await withTaskGroup(of: (Int, Result<(any Sendable)?, any Error>).self) { group in
            var inFlight: [Int: PendingField] = [:]
            var nextID = 0
            func launch() {
                for item in pending {
                    let id = nextID
                    nextID += 1
                    inFlight[id] = item
                    let work = item.work
                    group.addTask {
                        do { return (id, .success(try await work())) } catch { return (id, .failure(error)) }
                    }
                }
                pending.removeAll(keepingCapacity: true)
            }
            launch()
            while let (id, result) = await group.next() {
                guard let item = inFlight.removeValue(forKey: id) else { continue }
                complete(item, result)
                if !pending.isEmpty { launch() }
            }
        }
    }

    /// Completes one pending field as the synchronous pass would have, then writes it.
    private func complete(_ item: PendingField, _ result: Result<(any Sendable)?, any Error>) {
        path = item.path
        boundary = item.boundary
        defer {
            path.removeAll(keepingCapacity: true)
            boundary = 0
        }
        let completed: JSON?
        switch result {
        case .success(let value): completed = completeField(item.plan, value)
        case .failure(let error): completed = handleFieldError(error, item.plan.returnType, item.plan)
        }
        let keys = item.path.map(\.key)
        if let completed {
            _ = Self.write(completed, at: keys[...], into: &data)
        } else if item.boundary == 0 {
            data = .null
        } else {
            _ = Self.write(.null, at: keys[..<item.boundary], into: &data)
        }
    }

    /// Replaces the value at `path`; false when the path no longer exists (an
    /// ancestor became null meanwhile), in which case nothing is written.
    static func write(_ value: JSON, at path: ArraySlice<PathKey>, into target: inout JSON) -> Bool {
        guard let first = path.first else {
            target = value
            return true
        }
        switch (first, target) {
        case (.key(let key), .object(var object)):
            guard let index = object.entries.firstIndex(where: { $0.key == key }) else { return false }
            target = .null  // keep the object uniquely referenced while it changes
            let written = write(value, at: path.dropFirst(), into: &object.entries[index].value)
            target = .object(object)
            return written
        case (.index(let index), .array(var items)):
            guard items.indices.contains(index) else { return false }
            target = .null
            let written = write(value, at: path.dropFirst(), into: &items[index])
            target = .array(items)
            return written
        default:
            return false
        }
    }
}
