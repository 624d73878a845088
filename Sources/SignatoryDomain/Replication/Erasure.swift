/// Erasing a person: a contact's erasure change, marked critical, beats every other change of
/// that contact, and every office that holds it removes the contact's personal values from
/// every change it holds, keeping each change's hash (see ``ValueCommitment``).
///
/// ```swift
/// let erasure: [String: FieldValue] = [EntityKind.erasedField: .bool(true), "erasureReason": .text("asked to be forgotten")]
/// ```
extension EntityKind {
    /// `true` on a contact erases it for good: no change can set it back.
    public static let erasedField = "erased"

    /// The fields an erasure change carries, and all an erased contact keeps: the flag, the
    /// reason, and the hashes of the format-1 lines the erasure vouches for.
    public static let erasureFields: Set<String> = [erasedField, "erasureReason", "formerLines"]

    /// The values an erasure removes from every change of the record: what names or reaches the person.
    public var erasableFields: Set<String> {
        self == .contact ? ["fullName", "title", "email", "phone"] : []
    }
}

extension Change {
    /// Whether the change erases its record.
    public var erases: Bool { self.kind == .contact && self.fields[EntityKind.erasedField] != nil }

    /// The format-1 change hashes an erasure vouches for: lines whose erased values can no longer be hashed.
    public var formerLines: [String] {
        guard let text = self.fields["formerLines"]?.value.text else { return [] }
        return text.split(separator: ",").map(String.init)
    }

    /// The fields an erasure removes from this change: the contact's name, title, email and phone,
    /// and any field of a later format minor, unknown here, which may name or reach the person too.
    var erasableNames: Set<String> {
        guard self.kind == .contact else { return [] }
        return self.kind.erasableFields.union(self.fields.keys.filter { !self.kind.fields.contains($0) })
    }

    /// Whether the change still holds a value an erasure of its record removes.
    public var holdsErasableValues: Bool {
        self.erasableNames.contains { self.fields[$0].map { !$0.isErased } ?? false }
    }

    /// The change as an office that erased its record keeps and relays it.
    public var redacted: Change { self.erasing(self.erasableNames) }

    /// The rules of erasure: only a critical, format-2 change may erase, it sets nothing else, and
    /// the flag is never anything but `true`. A critical change this build does not understand
    /// comes from a later format.
    func validateErasure() throws(DomainError) {
        if self.erases {
            guard self.fields[EntityKind.erasedField]?.value == .bool(true) else {
                throw .badErasure("can only set erased to yes; an erased contact cannot be restored")
            }
            guard self.critical, self.format != .one else {
                throw .badErasure("must be marked critical, in change format 2 or later")
            }
            if let other = self.fields.keys.first(where: { !EntityKind.erasureFields.contains($0) }) {
                throw .badErasure("cannot also set the contact's \(other)")
            }
        } else if self.kind == .contact, self.fields.keys.contains(where: EntityKind.erasureFields.contains) {
            throw .badErasure("reason or former lines need the erased flag in the same change")
        } else if self.critical {
            // Erasure is the only critical change of this format; a later one may define others.
            guard self.format.minor > ChangeFormat.current.minor else {
                throw .badErasure("flag is set on a change that erases nothing")
            }
            throw .newerFormat(self.format)
        }
    }
}
