import Foundation
import TestSupport
import Testing

@testable import SignatoryStore

/// A file being written has no name until it is whole, so a process stopped part way (Ctrl-C,
/// kill -9) leaves no hidden copy of a contact sheet or bundle beside its target.
struct OutputFileTests {
    private func names(in folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    }

    @Test func aNewFileHasNoNameWhileItIsWritten() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("sheet.csv")
        let during = try OutputFile.write(to: target) { handle in
            try handle.write(contentsOf: Data("Zara Secretkova,zara@example.org\n".utf8))
            return try self.names(in: folder)
        }
        #expect(during == [], "named while being written: \(during)")
        #expect(try self.names(in: folder) == ["sheet.csv"])
        #expect(fileBytes(target) == Data("Zara Secretkova,zara@example.org\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aReplacedFileKeepsItsOldBytesUntilTheNewOnesAreWhole() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("bundle.jsonl")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        let during = try OutputFile.write(to: target) { handle in
            try handle.write(contentsOf: Data("new\n".utf8))
            return (try self.names(in: folder), fileBytes(target))
        }
        #expect(during.0 == ["bundle.jsonl"])
        #expect(during.1 == Data("old\n".utf8))
        #expect(try self.names(in: folder) == ["bundle.jsonl"])
        #expect(fileBytes(target) == Data("new\n".utf8))
    }

    @Test func aFailedWriteLeavesNothingAndKeepsTheTarget() throws {
        struct Stop: Error {}
        let folder = try TemporaryDirectory()
        let target = folder.path("bundle.jsonl")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: Stop.self) {
            try OutputFile.write(to: target) { handle in
                try handle.write(contentsOf: Data("half".utf8))
                throw Stop()
            }
        }
        #expect(try self.names(in: folder) == ["bundle.jsonl"])
        #expect(fileBytes(target) == Data("old\n".utf8))
    }

    @Test func aFileThatMustBeNewIsNeverPutOverOneThatAppeared() throws {
        let folder = try TemporaryDirectory()
        let target = folder.path("office.key")
        let during = try OutputFile.place(at: target, protecting: nil, replacing: false) { descriptor in
            let names = try self.names(in: folder)
            #expect(write(descriptor, "AGE-SECRET-KEY", 14) == 14)
            return names
        }
        #expect(during == [])
        #expect(fileBytes(target) == Data("AGE-SECRET-KEY".utf8))
        // Another file appearing at the target while the key is written is kept, and the write refused.
        let other = folder.path("other.key")
        #expect(throws: FileWriteError.exists(other)) {
            try OutputFile.place(at: other, protecting: nil, replacing: false) { descriptor in
                try Data("someone else's".utf8).write(to: URL(fileURLWithPath: other))
                _ = write(descriptor, "AGE-SECRET-KEY", 14)
            }
        }
        #expect(fileBytes(other) == Data("someone else's".utf8))
        #expect(try self.names(in: folder) == ["office.key", "other.key"])
    }
}
