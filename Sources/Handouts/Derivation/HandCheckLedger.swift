import Synchronization

/// The single-number steps of one document whose printed operands could not be widened, within
/// `HandCheck`'s digit caps, to reproduce the printed result. Every chain of a hand-checkable
/// document records here, so the sentence promising that every step can be checked by hand is
/// computed from this document rather than assumed.
final class HandCheckLedger: Sendable {
    private let steps = Mutex(0)

    /// Adds `count` unreproducible steps.
    func record(_ count: Int) {
        guard count > 0 else { return }
        steps.withLock { $0 += count }
    }

    /// The unreproducible steps recorded so far.
    var unreproducible: Int { steps.withLock { $0 } }
}
