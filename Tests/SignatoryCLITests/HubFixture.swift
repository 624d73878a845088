import Foundation
import TestSupport
import Testing

/// A hub database and several office databases, each driven through the built executable; every
/// office is enrolled on the hub and trusts the others, as a coalition would set them up.
final class HubFixture {
    let folder: TemporaryDirectory
    let hubDatabase: String
    let offices: [OfficeFixture]
    private(set) var hub: HubProcess?

    init(offices names: [String], audiences: [String]? = nil, hubArguments: [String] = []) throws {
        self.folder = try TemporaryDirectory()
        self.hubDatabase = self.folder.path("hub.db")
        try Self.succeed(["init", "--office", "Coalition hub", "--db", self.hubDatabase])
        var offices: [OfficeFixture] = []
        for name in names {
            let office = try OfficeFixture(initialise: false)
            try office.succeed(["init", "--office", name])
            offices.append(office)
        }
        for (index, office) in offices.enumerated() {
            let card = try office.card()
            try Self.succeed([
                "hub", "enroll", card, "--db", self.hubDatabase, "--audience", audiences?[index] ?? "internal",
            ])
            for other in offices where other !== office { try other.succeed(["office", "trust", card]) }
        }
        self.offices = offices
        try self.start(hubArguments)
    }

    /// Geneva enrolled as `internal`, Partner as `coalition` and Press as `public`.
    static func withEveryAudience() throws -> HubFixture {
        try HubFixture(offices: ["Geneva", "Partner", "Press"], audiences: ["internal", "coalition", "public"])
    }

    func start(_ arguments: [String] = []) throws {
        self.hub = try HubProcess(database: self.hubDatabase, arguments: arguments)
    }

    var url: String { self.hub!.url }

    /// `signatory sync now --hub URL` at an office.
    @discardableResult
    func syncNow(_ office: OfficeFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try office.succeed(["sync", "now", "--hub", self.url], sourceLocation: sourceLocation)
    }

    /// What the hub holds, read while it runs.
    func hubDump() throws -> String {
        try Self.succeed(["sync", "dump", "--db", self.hubDatabase])
            + (try Self.succeed(["sync", "status", "--json", "--db", self.hubDatabase]))
    }

    @discardableResult
    static func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try SignatoryExecutable.run(arguments)
        #expect(
            result.status == 0,
            "signatory \(arguments.joined(separator: " ")) failed: \(result.stderr)",
            sourceLocation: sourceLocation
        )
        return result.output
    }
}

extension OfficeFixture {
    /// Writes this office's card to a file beside its database and returns the path.
    func card() throws -> String {
        let path = self.folder.path("card-\(UUID().uuidString).json")
        try self.succeed(["office", "card"]).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
