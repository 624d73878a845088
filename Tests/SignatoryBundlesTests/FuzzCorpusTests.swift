import Foundation
import SignatoryBundles
import SignatoryDomain
import Testing

/// The fuzzer's committed seeds (`Tests/Fuzz/corpus`, see `Scripts/fuzz`) and hostile inputs,
/// through the same parsers. Seeds named `refused-…` must be refused, `kept-…` must read as a
/// change of a later minor's kind (its hash computed by hand in Python); every other must parse.
/// Two refused seeds are the fuzzer's finds: invalid UTF-8 in a string, and a field whose bad
/// `value` was overwritten by a second `value`; both were accepted before.
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static func seeds(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = self.corpus.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    /// A real line with `old` replaced by `new`; fails unless `old` was there.
    static func mutated(_ line: [UInt8], _ old: String, _ new: String) throws -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        try #require(text.contains(old), "the seed has no \(old)")
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    static let hostile: [(name: String, bytes: [UInt8])] = [
        ("empty", []),
        ("a megabyte of {", Array(repeating: UInt8(ascii: "{"), count: 1 << 20)),
        ("arrays nested 100,000 deep", Array(repeating: UInt8(ascii: "["), count: 100_000)),
        ("objects nested 100,000 deep", Array(String(repeating: #"{"office":"#, count: 100_000).utf8)),
        ("NUL bytes", [UInt8(ascii: "{"), 0, 0, UInt8(ascii: "}")]),
        ("a huge number", Array(("1" + String(repeating: "0", count: 400)).utf8)),
    ]

    @Test func realChangeLinesParseAndRefusedOnesDoNot() throws {
        let seeds = try Self.seeds("change-line")
        #expect(seeds.count(where: { !$0.name.hasPrefix("refused-") }) >= 10)
        for seed in seeds where seed.name.hasPrefix("refused-") {
            #expect(Change(jsonBytes: seed.bytes) == nil, "\(seed.name)")
        }
        for seed in seeds where seed.name.hasPrefix("kept-") {
            #expect(Change(jsonBytes: seed.bytes) == nil, "\(seed.name)")
            let kept = try #require(UnappliedChange(jsonBytes: seed.bytes), "\(seed.name)")
            try kept.validate()
            #expect(kept.computedHash == kept.hash, "\(seed.name)")
            #expect(Array(kept.jsonLine.utf8) == seed.bytes, "\(seed.name) is not written back as it came")
        }
        for seed in seeds where !seed.name.hasPrefix("refused-") && !seed.name.hasPrefix("kept-") {
            let change = try #require(Change(jsonBytes: seed.bytes), "\(seed.name)")
            try change.validateValues()
            #expect(change.computedHash == change.hash, "\(seed.name)")
            #expect(Array(change.jsonLine.utf8) == seed.bytes, "\(seed.name) is not written back as exported")
        }
    }

    @Test func realBundleHeadersParse() throws {
        let seeds = try Self.seeds("bundle-header")
        #expect(seeds.count >= 2)
        for seed in seeds {
            let header = try BundleHeader.parse(seed.bytes)
            #expect(!header.heads.isEmpty && header.changes > 0, "\(seed.name)")
            #expect(Array(try BundleHeader.line(header).dropLast()) == seed.bytes, "\(seed.name)")
        }
    }

    @Test func hostileInputsAreRefused() throws {
        for input in Self.hostile {
            #expect(Change(jsonBytes: input.bytes) == nil, "\(input.name)")
            #expect(throws: SyncError.self, "\(input.name)") { try BundleHeader.parse(input.bytes) }
        }
    }

    @Test func hostileChangeLinesAreRefused() throws {
        let line = try #require(try Self.seeds("change-line").first { $0.name.hasPrefix("01-") }).bytes
        #expect(Change(jsonBytes: line) != nil)
        for (old, new) in [
            (#""sequence":1,"#, #""sequence":01,"#), (#""sequence":1,"#, #""sequence":-1,"#),
            (#""sequence":1,"#, #""sequence":99999999999999999999,"#), (#""sequence":1,"#, #""sequence":1.0,"#),
            (#""sequence":1,"#, #""sequence":+1,"#), (#""value":2005"#, #""value":92233720368547758080"#),
            (#""value":2005"#, #""value":-0"# + "0"), (#""value":"CAP""#, "\"value\":\"C\u{0}P\""),
            (#""value":"CAP""#, #""value":"C\ud800P""#), (#""bases":[]"#, #""bases":[[[[[]]]]]"#),
            (#""value":"CAP""#, #""value":"CAP","value":"CAP""#), (#""bases":[]"#, #""bases":[],"bases":[]"#),
        ] {
            #expect(Change(jsonBytes: try Self.mutated(line, old, new)) == nil, "\(new)")
        }
    }

    @Test func hostileHeadersAreRefused() throws {
        let line = try #require(try Self.seeds("bundle-header").first { $0.name.hasPrefix("geneva") }).bytes
        for (old, new) in [
            (#""version":1"#, #""version":2"#), (#""version":1"#, #""version":01"#),
            (#""changes":16"#, #""changes":99999999999999999999"#), (#""changes":16"#, #""changes":1e400"#),
            (#""fromName":"Geneva"#, "\"fromName\":\"Gen\u{0}eva"),
            (#""format":"signatory-bundle""#, #""format":"other""#),
        ] {
            #expect(throws: SyncError.self, "\(new)") { try BundleHeader.parse(try Self.mutated(line, old, new)) }
        }
    }

    // MARK: Request credentials (the hub's `Signatory-*` headers)

    /// The fuzz target's fixed key and clock (`Sources/SignatoryFuzz/RequestCredentialsTarget.swift`).
    static let card = OfficeCard(
        id: ID("6f1c1c2e-8d0a-4c47-9a38-2f4f1d6f3b10")!,
        name: "Fuzz",
        publicKey: OfficeKeys(privateKeyBase64: "c2lnbmF0b3J5LWZ1enota2V5LW5vdC1hLXNlY3JldCE=")!.publicKey
    )
    static let fixedNow = Date(timeIntervalSince1970: 1_785_000_000)

    /// Reads a seed as the fuzz target does: office, timestamp, signature, clock, target.
    static func credentials(
        _ seed: [UInt8]
    ) throws(RequestSignature.CredentialError) -> (RequestSignature.Credentials, target: String) {
        let lines = seed.split(separator: UInt8(ascii: "\n"), maxSplits: 4, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        func line(_ index: Int) -> String? { index < lines.count ? lines[index] : nil }
        let now = line(3).flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? self.fixedNow
        return (
            try RequestSignature.credentials(office: line(0), timestamp: line(1), signature: line(2), now: now),
            line(4) ?? "/v1/sync/pull"
        )
    }

    @Test func credentialSeedsAreAcceptedOrRefusedAsNamed() throws {
        let refusals: [String: RequestSignature.CredentialError] = [
            "refused-most-negative-time.txt": .stale, "refused-plus-sign.txt": .malformed,
            "refused-stale.txt": .stale, "refused-unsigned.txt": .unsigned,
        ]
        let seeds = try Self.seeds("request-credentials")
        #expect(seeds.count(where: { $0.name.hasPrefix("accepted-signed") }) >= 3)
        for seed in seeds {
            if seed.name.hasPrefix("refused-") {
                let expected = try #require(refusals[seed.name], "no expected refusal for \(seed.name)")
                #expect(throws: expected, "\(seed.name)") { try Self.credentials(seed.bytes) }
                continue
            }
            let (credentials, target) = try Self.credentials(seed.bytes)
            let message = RequestSignature.message(
                method: "POST",
                target: target,
                timestamp: credentials.timestamp,
                bodyDigest: RequestSignature.digest([UInt8]())
            )
            #expect(
                Self.card.verify(credentials.signature, of: message) == seed.name.hasPrefix("accepted-signed"),
                "\(seed.name)"
            )
        }
    }

    /// `abs(now - timestamp)` used to trap on `-9223372036854775808`, taking the hub down.
    @Test func credentialTimesNeverTrap() throws {
        let office = "6f1c1c2e-8d0a-4c47-9a38-2f4f1d6f3b10"
        func check(_ timestamp: String?, at now: Date = Self.fixedNow) throws(RequestSignature.CredentialError) -> Int64
        {
            try RequestSignature.credentials(office: office, timestamp: timestamp, signature: "AAAA", now: now)
                .timestamp
        }
        for text in ["-9223372036854775808", "9223372036854775807", "0", "-1785000000000"] {
            #expect(throws: RequestSignature.CredentialError.stale, "\(text)") { try check(text) }
        }
        for text in [
            "", "-", "+1785000000000", " 1785000000000", "1785000000000 ", "1785000000000\n", "١٧٨٥", "1_785",
            "9223372036854775808", "00000000000000000001785000000000", "1e12", "--1",
        ] {
            #expect(throws: RequestSignature.CredentialError.malformed, "\(text)") { try check(text) }
        }
        #expect(throws: RequestSignature.CredentialError.unsigned) { try check(nil) }
        #expect(throws: RequestSignature.CredentialError.malformed) {
            try RequestSignature.credentials(
                office: "Geneva",
                timestamp: "1785000000000",
                signature: "AAAA",
                now: Self.fixedNow
            )
        }
        #expect(try check("1785000300000") == 1_785_000_300_000)
        #expect(try check("1784999700000") == 1_784_999_700_000)
        #expect(throws: RequestSignature.CredentialError.stale) { try check("1785000300001") }
        #expect(try check("9223372036854775807", at: Date(timeIntervalSince1970: .infinity)) == .max)
        #expect(try check("-9223372036854775808", at: Date(timeIntervalSince1970: -.infinity)) == .min)
        #expect(RequestSignature.milliseconds(Date(timeIntervalSince1970: .nan)) == 0)
        #expect(RequestSignature.milliseconds(Date(timeIntervalSince1970: 1e300)) == .max)
        #expect(RequestSignature.milliseconds(Self.fixedNow) == 1_785_000_000_000)
    }

    /// A request signed at any clock, even an absurd one, passes the check at that clock.
    @Test func signedHeadersPassTheCheckAtAnyClock() throws {
        let keys = OfficeKeys()
        let card = OfficeCard(id: ID(), name: "Geneva", publicKey: keys.publicKey)
        for seconds in [1_785_000_000, 0, -1, 1e300, -1e300, .infinity, -.infinity, .nan] as [TimeInterval] {
            let now = Date(timeIntervalSince1970: seconds)
            let headers = try RequestSignature.headers(
                method: "get",
                target: "/v1/campaigns",
                bodyDigest: RequestSignature.digest([UInt8]()),
                office: card.id,
                keys: keys,
                now: now
            )
            let credentials = try RequestSignature.credentials(
                office: headers[RequestSignature.officeHeader],
                timestamp: headers[RequestSignature.timestampHeader],
                signature: headers[RequestSignature.signatureHeader],
                now: now
            )
            let message = RequestSignature.message(
                method: "GET",
                target: "/v1/campaigns",
                timestamp: credentials.timestamp,
                bodyDigest: RequestSignature.digest([UInt8]())
            )
            #expect(credentials.office == card.id && card.verify(credentials.signature, of: message), "\(seconds)")
        }
    }
}
