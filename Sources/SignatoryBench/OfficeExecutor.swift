import Dispatch

/// Runs one simulated office's tasks on a thread of its own, as on its own computer. The hub
/// client writes to its office's database (a signed head, what the hub holds) and waits for the
/// disk to sync; 50 offices sharing Swift's cooperative threads (one per core) would queue
/// behind each other's syncs, which offices on their own computers never do.
final class OfficeExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "signatory.bench.office")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = self.asUnownedTaskExecutor()
        self.queue.async { job.runSynchronously(on: executor) }
    }
}
