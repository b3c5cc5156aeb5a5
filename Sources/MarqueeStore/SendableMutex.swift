import Synchronization

/// `Mutex` in a class, so that it can be stored in `Sendable` reference types and captured.
final class SendableMutex<Value: ~Copyable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: consuming sending Value) { mutex = Mutex(value) }
    func withLock<R>(_ body: (inout sending Value) throws -> sending R) rethrows -> sending R {
        try mutex.withLock(body)
    }
}
