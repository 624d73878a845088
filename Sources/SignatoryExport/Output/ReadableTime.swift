public import Foundation
public import SignatoryDomain

extension HybridTimestamp {
    /// The time to the minute in UTC, as lists print it: "2026-12-02 10:31 UTC".
    public var readable: String { self.date.readable(seconds: false) }
}

extension Date {
    /// The time in UTC, as lists print it: "2026-12-02 10:31 UTC", or "2026-12-02 10:31:07 UTC".
    public func readable(seconds: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: self)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let time = "\(two(parts.hour)):\(two(parts.minute))" + (seconds ? ":\(two(parts.second))" : "")
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(time) UTC"
    }
}

extension FieldValue {
    /// The value as lists print it: a time the field keeps in milliseconds as a UTC time.
    ///
    /// ```swift
    /// FieldValue.integer(1_796_446_092_267).readable(field: "recordedAt")   // "2026-12-05 04:48:12 UTC"
    /// ```
    public func readable(field: String) -> String {
        if EntityKind.isTime(field), case .integer(let milliseconds) = self {
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000).readable(seconds: true)
        }
        return self.description
    }
}
