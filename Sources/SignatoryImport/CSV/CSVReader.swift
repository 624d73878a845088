/// Reads CSV as RFC 4180 describes it, and as spreadsheets write it in practice: a UTF-8 byte
/// order mark is skipped, lines may end in CRLF or LF, and the delimiter may be `,`, `;` or tab
/// (whichever the header line uses most).
///
/// ```swift
/// let records = try CSVReader.records(in: Array("Organisation,Country\r\nCAP,FR\r\n".utf8))
/// records[1].fields   // ["CAP", "FR"]
/// records[1].line     // 2
/// ```
enum CSVReader {
    struct Record: Sendable, Hashable {
        /// The line the record starts on, counting from 1.
        let line: Int
        let fields: [String]
    }

    static func records(in bytes: [UInt8]) throws(SignerImportError) -> [Record] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard String(validating: bytes[start...], as: UTF8.self) != nil else { throw .notUTF8 }
        let delimiter = self.delimiter(of: bytes[start...])
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = start
        var quoted = false
        var fieldWasQuoted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                endField()
            case UInt8(ascii: "\""):
                guard field.isEmpty, !fieldWasQuoted else {
                    throw .malformed(
                        line: line,
                        detail: "a quote inside an unquoted field; put the whole field in quotes and double the quote"
                    )
                }
                quoted = true
                fieldWasQuoted = true
            case 0x0D, 0x0A:
                if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !fieldWasQuoted else {
                    throw .malformed(
                        line: line,
                        detail: "text after a closing quote; double a quote that belongs to the text"
                    )
                }
                field.append(byte)
            }
        }
        if quoted {
            throw .malformed(line: recordLine, detail: "a quoted field that never ends; add the closing quote")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// The delimiter the first line uses most: `,`, `;` or tab.
    private static func delimiter(of bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 0x0A || byte == 0x0D) { break }
            if !quoted, let count = counts[byte] { counts[byte] = count + 1 }
        }
        // On a tie the comma wins, then the semicolon.
        return [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].max {
            counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 > $1)
        }!
    }
}
