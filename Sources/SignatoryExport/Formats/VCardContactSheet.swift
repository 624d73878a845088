/// A contact sheet as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426): one card per person, or per
/// organisation shown alone.
struct VCardContactSheet: ContactSheetWriter {
    enum Version {
        case three, four
    }

    /// The `REV` of every card: when the sheet was made.
    let revision: String
    let version: Version
    /// Cards written for the current organisation: a person listed under several statements
    /// of a campaign gets one card. Lines come grouped by organisation, so this stays small.
    private var written: Set<String> = []
    private var organisation = ""

    /// The NOTE of a card whose person is not at risk, escaped and folded once for the sheet:
    /// the sheet's heading, said in every card as a card travels alone.
    private let commonNote: [UInt8]
    /// The NOTE of a card whose person is at risk, likewise.
    private let atRiskNote: [UInt8]

    init(revision: String, heading: SheetHeading, version: Version) {
        self.revision = revision
        self.version = version
        var note = ByteSink()
        VCardText.line("NOTE", VCardText.escape(heading.text), to: &note)
        self.commonNote = note.collected
        var atRisk = ByteSink()
        VCardText.line("NOTE", VCardText.escape(ContactSheetLine.atRiskWarning + ". " + heading.text), to: &atRisk)
        self.atRiskNote = atRisk.collected
    }

    mutating func start(_ sink: inout ByteSink) {}

    mutating func write(_ line: ContactSheetLine, to sink: inout ByteSink) {
        let id = line.contactID ?? line.organisationID
        if line.organisationID != self.organisation {
            self.organisation = line.organisationID
            self.written.removeAll(keepingCapacity: true)
        }
        guard self.written.insert(id).inserted else { return }
        let escape = VCardText.escape
        VCardText.line("BEGIN", "VCARD", to: &sink)
        VCardText.line("VERSION", self.version == .four ? "4.0" : "3.0", to: &sink)
        if let name = line.fullName {
            let (given, family) = line.nameParts
            VCardText.line("FN", escaping: name, to: &sink)
            VCardText.line("N", "\(escape(family));\(escape(given));;;", to: &sink)
        } else {
            // vCard 3.0 has no KIND; N is required there, and empty for an organisation.
            if self.version == .four { VCardText.line("KIND", "org", to: &sink) }
            VCardText.line("FN", escaping: line.organisationDisplayName, to: &sink)
            if self.version == .three { VCardText.line("N", ";;;;", to: &sink) }
        }
        VCardText.line("ORG", escaping: line.organisationDisplayName, to: &sink)
        if let title = line.title { VCardText.line("TITLE", escaping: title, to: &sink) }
        if let email = line.email {
            VCardText.line(
                self.version == .four ? "EMAIL;TYPE=work" : "EMAIL;TYPE=INTERNET,WORK",
                escaping: email,
                to: &sink
            )
        }
        if let phone = line.phone {
            if self.version == .four {
                VCardText.line("TEL;VALUE=uri;TYPE=work", "tel:" + phone, to: &sink)
            } else {
                VCardText.line("TEL;TYPE=WORK,VOICE", phone, to: &sink)
            }
        }
        if let campaign = line.campaignName { VCardText.line("CATEGORIES", escaping: campaign, to: &sink) }
        (line.atRisk ? self.atRiskNote : self.commonNote).withUnsafeBufferPointer { sink.append(bytes: $0) }
        VCardText.line("UID", self.version == .four ? "urn:uuid:" + id : id, to: &sink)
        VCardText.line("REV", self.revision, to: &sink)
        VCardText.line("END", "VCARD", to: &sink)
    }

    mutating func finish(_ sink: inout ByteSink) {}
}
