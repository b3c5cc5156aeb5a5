import NIOCore
import Synchronization

/// A few command connections, used in turn; each is opened on first use and
/// again after it drops.
final class RedisConnectionPool: Sendable {
    private enum Slot {
        case empty
        case connecting(Task<RedisClient, any Error>)
        case ready(RedisClient)
    }

    private struct State {
        var slots: [Slot]
        var next = 0
        var isShutDown = false
    }

    private let url: RedisURL
    private let group: any EventLoopGroup
    private let state: Mutex<State>

    init(url: RedisURL, group: any EventLoopGroup, size: Int) {
        self.url = url
        self.group = group
        self.state = Mutex(State(slots: Array(repeating: .empty, count: max(1, size))))
    }

    /// The next connection in turn, opened if needed.
    func client() async throws(RedisError) -> RedisClient {
        let lookup = try state.withLock { state throws(RedisError) -> Lookup in
            guard !state.isShutDown else { throw RedisError(.shutDown) }
            let index = state.next
            state.next = (index + 1) % state.slots.count
            switch state.slots[index] {
            case .ready(let client) where client.isActive:
                return .ready(client)
            case .connecting(let task):
                return .connecting(index, task)
            case .ready, .empty:
                let task = Task { [url, group] in try await RedisClient.connect(to: url, on: group) }
                state.slots[index] = .connecting(task)
                return .connecting(index, task)
            }
        }
        switch lookup {
        case .ready(let client): return client
        case .connecting(let index, let task): return try await finishConnecting(index, task)
        }
    }

    private enum Lookup {
        case ready(RedisClient)
        case connecting(Int, Task<RedisClient, any Error>)
    }

    private func finishConnecting(_ index: Int, _ task: Task<RedisClient, any Error>) async throws(RedisError) -> RedisClient {
        do {
            let client = try await task.value
            let keep = state.withLock { state in
                if case .connecting(let pending) = state.slots[index], pending == task {
                    state.slots[index] = state.isShutDown ? .empty : .ready(client)
                }
                return !state.isShutDown
            }
            guard keep else {
                client.close()
                throw RedisError(.shutDown)
            }
            return client
        } catch {
            state.withLock { state in
                if case .connecting(let pending) = state.slots[index], pending == task {
                    state.slots[index] = .empty
                }
            }
            throw error as? RedisError ?? RedisError(.unavailable, detail: "\(error)")
        }
    }

    /// Closes every connection; later calls to `client()` throw `shutDown`.
    func shutDown() async {
        let slots = state.withLock { state in
            state.isShutDown = true
            defer { state.slots = state.slots.map { _ in .empty } }
            return state.slots
        }
        for slot in slots {
            switch slot {
            case .empty: break
            case .ready(let client): client.close()
            case .connecting(let task): (try? await task.value)?.close()
            }
        }
    }
}
