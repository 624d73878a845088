import Foundation
import SignatoryDomain

/// The statement as plain text, ready to paste into an email or a press release.
public struct TextStatementRenderer: Sendable {
    public init() {}

    public func render(_ block: StatementRendition) -> String {
        var lines: [String] = [
            block.statement.title, "", block.statement.body.trimmingCharacters(in: .whitespacesAndNewlines),
        ]
        if let lead = block.lead {
            lines += ["", lead.organisationLine(Bidi.isolated)]
            if let contact = lead.contactLine(Bidi.isolated) { lines.append(contact) }
        }
        if !block.cosigners.isEmpty {
            lines += ["", "Joint statement with:", "", block.headline]
            for entry in block.cosigners {
                lines += ["", entry.organisationLine(Bidi.isolated)]
                if let contact = entry.contactLine(Bidi.isolated) { lines.append(contact) }
            }
        }
        if !block.dateLines.isEmpty { lines += [""] + block.dateLines }
        return lines.joined(separator: "\n") + "\n"
    }
}
