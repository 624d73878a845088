import Foundation
import SignatoryDomain
import SignatoryExport
import TestSupport
import Testing

struct ContactSheetVCardTests {
    /// The physical lines, checked strictly: CRLF ends, at most 75 octets, each valid UTF-8 on
    /// its own (so no fold split a character). Returns the unfolded content lines.
    static func contentLines(_ bytes: [UInt8]) throws -> [String] {
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                try #require(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "a CR without LF")
                physical.append(current)
                current = []
                index += 2
                continue
            }
            try #require(bytes[index] != 0x0A, "a bare LF")
            current.append(bytes[index])
            index += 1
        }
        var logical: [String] = []
        for line in physical {
            #expect(line.count <= 75, "a line of \(line.count) octets")
            let text = try #require(String(validating: line, as: UTF8.self), "a fold split a UTF-8 character")
            if line.first == UInt8(ascii: " ") {
                try #require(!logical.isEmpty)
                logical[logical.count - 1] += text.dropFirst()
            } else {
                logical.append(text)
            }
        }
        return logical
    }

    /// RFC 6350 §3.4 unescaping; fails on a comma or semicolon left unescaped in a one-part value.
    static func unescape(_ value: Substring) throws -> String {
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                case "\\", ",", ";": result.append(character)
                default: Issue.record("unknown escape \\\(character)")
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                #expect(character != "," && character != ";", "unescaped \(character) in \(value)")
                result.append(character)
            }
        }
        return result
    }

    @Test func cardsAreFoldedAndEscapedAsRFC6350Says() throws {
        let fixture = try ExportFixture()
        let (bytes, _) = try fixture.export(.vcard, for: .internal)
        let lines = try Self.contentLines(bytes)
        #expect(
            bytes.count > lines.joined().utf8.count + 2 * lines.count,
            "the long organisation name should have been folded"
        )
        var cards: [[String: String]] = []
        for line in lines {
            let colon = try #require(line.firstIndex(of: ":"))
            let name = line[..<colon].split(separator: ";")[0]
            let value = line[line.index(after: colon)...]
            switch name {
            case "BEGIN": cards.append([:])
            case "END": continue
            case "FN", "TITLE", "ORG", "CATEGORIES", "EMAIL":
                cards[cards.count - 1][String(name)] = try Self.unescape(value)
            default: cards[cards.count - 1][String(name)] = String(value)
            }
        }
        let people = fixture.visible + [fixture.atRisk]
        #expect(cards.count == people.count)
        for person in people {
            let card = try #require(cards.first { $0["UID"] == "urn:uuid:\(person.id)" })
            #expect(card["VERSION"] == "4.0")
            #expect(card["FN"] == person.fullName)
            #expect(card["TITLE"] == person.title)
            #expect(card["EMAIL"] == person.email?.address)
            #expect(card["TEL"] == person.phone.map { "tel:" + $0.e164 })
            #expect(card["ORG"] == fixture.organisations[person.organisationID]?.displayName)
            #expect(card["CATEGORIES"] == "World Day, 2026")
            #expect(card["REV"] == "20260725T172000Z")
            #expect(card["N"] != nil)
        }
    }

    /// Both versions, read back by Python's vobject, an address-book library we did not write.
    @Test(arguments: [ContactSheetFormat.vcard, .vcard3])
    func vobjectReadsEveryCard(format: ContactSheetFormat) throws {
        let fixture = try ExportFixture()
        let (bytes, _) = try fixture.export(format, for: .internal)
        let script = """
            import json, sys, vobject
            cards = []
            for card in vobject.readComponents(sys.stdin.read()):
                cards.append({
                    "version": card.version.value, "fn": card.fn.value,
                    "org": card.org.value[0] if hasattr(card, "org") else None,
                    "tel": card.tel.value if hasattr(card, "tel") else None,
                    "email": card.email.value if hasattr(card, "email") else None,
                    "note": card.note.value if hasattr(card, "note") else None,
                })
            print(json.dumps(cards))
            """
        let cards = try #require(try PythonScript.json(script, input: bytes) as? [[String: Any]])
        let people = fixture.visible + [fixture.atRisk]
        #expect(cards.count == people.count)
        for person in people {
            let card = try #require(cards.first { $0["fn"] as? String == person.fullName }, "\(person.fullName)")
            #expect(card["version"] as? String == (format == .vcard ? "4.0" : "3.0"))
            #expect(card["email"] as? String == person.email?.address)
            let tel = person.phone.map { format == .vcard ? "tel:" + $0.e164 : $0.e164 }
            #expect(card["tel"] as? String == tel)
            #expect(card["org"] as? String == fixture.organisations[person.organisationID]?.displayName)
            #expect((card["note"] as? String)?.contains("Internal: every contact") == true)
            #expect((card["note"] as? String)?.hasPrefix("AT RISK: do not share") == person.atRisk)
        }
    }
}
