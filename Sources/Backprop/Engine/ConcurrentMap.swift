import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` computed in one contiguous piece per core, results in order; serial
    /// when `work` (about the number of elementary steps) is too small to share out.
    func concurrentMap<T: Sendable>(work: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let pieces = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count)
        guard pieces > 1, work >= 8_192 else { return map(transform) }
        let results = Mutex([[T]](repeating: [], count: pieces))
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            let mapped = self[count * piece / pieces ..< count * (piece + 1) / pieces].map(transform)
            results.withLock { $0[piece] = mapped }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
