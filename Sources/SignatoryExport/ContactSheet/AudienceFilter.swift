import SignatoryDomain
import SignatoryStore

/// Applies an audience's rules to the stored lines of a contact sheet, counting what it leaves out.
///
/// Lines must arrive grouped by organisation and statement, as ``Store/forEachContactListing(in:_:)``
/// gives them. An organisation the audience may see but none of whose contacts it may appears once,
/// on a line of its own.
struct AudienceFilter {
    let audience: ExportAudience
    private(set) var omissions: [ContactOmission: Int] = [:]
    private var group: (key: Group, shown: Bool, pending: ContactListing?)?

    private struct Group: Hashable {
        var organisation: String
        var statement: String?
    }

    init(audience: ExportAudience) {
        self.audience = audience
    }

    /// Takes the next stored line; calls `emit` for each line the audience sees.
    mutating func take(_ listing: ContactListing, emit: (ContactSheetLine) throws -> Void) rethrows {
        var listing = listing
        if let status = listing.statementStatus {
            // A statement the audience does not see has no lines; a lead it may not know of shows
            // only as far as a signatory that did not consent would.
            guard self.audience.sees(statementIn: status) else { return }
            if listing.isLead {
                listing.organisationConsented = self.audience.seesLead(
                    ofStatementIn: status,
                    leadConsented: listing.organisationConsented
                )
            }
        }
        let key = Group(organisation: listing.organisationID, statement: listing.statementTitle)
        if self.group?.key != key {
            try self.closeGroup(emit: emit)
            self.group = (key, false, nil)
        }
        let organisationShows = self.audience.seesUnpublishedOrganisations || listing.organisationConsented
        guard listing.contactID != nil else {
            if organisationShows { self.group?.pending = listing }
            return
        }
        if let reason = self.audience.omission(
            contactAtRisk: listing.atRisk,
            contactConsented: listing.contactConsented,
            organisationConsented: listing.organisationConsented
        ) {
            self.omissions[reason, default: 0] += 1
            if organisationShows { self.group?.pending = listing }
            return
        }
        self.group?.shown = true
        try emit(ContactSheetLine(listing, showingContact: true, details: self.audience.seesContactDetails))
    }

    /// Ends the last group; call once after the last line.
    mutating func finish(emit: (ContactSheetLine) throws -> Void) rethrows {
        try self.closeGroup(emit: emit)
        self.group = nil
    }

    private mutating func closeGroup(emit: (ContactSheetLine) throws -> Void) rethrows {
        guard let group = self.group, !group.shown, let listing = group.pending else { return }
        try emit(ContactSheetLine(listing, showingContact: false, details: false))
    }
}
