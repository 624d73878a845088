/// Cells of RFC 4180 CSV: UTF-8, CRLF line ends, and quotes only where a cell needs them.
///
/// A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, tab, CR or
/// LF) gets a leading `'`, as OWASP recommends, so the spreadsheet shows it as text. A phone
/// number keeps its digits and its `+`: `'+41225550100` reads as the number it is.
///
/// Address books are not spreadsheets: in their files a phone number (already checked to be E.164,
/// so only `+` and digits) is written as it is, since Google Contacts and Outlook would keep the
/// apostrophe as part of the number; any other cell is still neutralised.
///
/// ```swift
/// var sink = ByteSink()
/// CSVText.row(["=HYPERLINK(\"x\")", "Valle, Thierry"], to: &sink)
/// // "'=HYPERLINK(""x"")","Valle, Thierry"\r\n
/// ```
enum CSVText {
    /// - Parameter phoneColumns: the columns holding E.164 phone numbers, written as they are.
    static func row(_ cells: [String?], phoneColumns: Set<Int> = [], to sink: inout ByteSink) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { sink.append(byte: UInt8(ascii: ",")) }
            if let cell { self.cell(cell, isPhone: phoneColumns.contains(index), to: &sink) }
        }
        sink.append(byte: 0x0D)
        sink.append(byte: 0x0A)
    }

    static func cell(_ text: String, isPhone: Bool = false, to sink: inout ByteSink) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let e164 =
                first == UInt8(ascii: "+") && bytes.count > 1
                && bytes.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            let neutralise = Self.formulaStarts.contains(first) && !(isPhone && e164)
            let quote = bytes.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A
            }
            if quote { sink.append(byte: UInt8(ascii: "\"")) }
            if neutralise { sink.append(byte: UInt8(ascii: "'")) }
            if quote {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { sink.append(byte: byte) }
                    sink.append(byte: byte)
                }
                sink.append(byte: UInt8(ascii: "\""))
            } else {
                sink.append(bytes: bytes)
            }
        }
    }

    /// First bytes that make a spreadsheet read a cell as a formula.
    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A,
    ]
}
