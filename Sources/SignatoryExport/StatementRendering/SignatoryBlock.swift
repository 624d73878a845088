public import SignatoryDomain
public import SignatoryStore

/// What a published statement shows: its text, the lead organisation's contact, and the
/// co-signers that may be named, each with the contact who may be named.
///
/// ```swift
/// let block = try SignatoryBlock(statement: statement, store: store)
/// print(TextStatementRenderer().render(block))
/// for warning in block.warnings { printToStandardError(warning) }
/// ```
public struct SignatoryBlock: Sendable {
    public struct Entry: Sendable, Hashable {
        public let organisation: Organisation
        /// The contact line's person, when they consented and are not at risk.
        public let contact: ContactPerson?
    }

    public let statement: JointStatement
    public let lead: Entry?
    /// Co-signing organisations that signed and consented to publication, by name.
    public let cosigners: [Entry]
    /// Things the coordinator should see before publishing, such as signatures on an older wording.
    public let warnings: [String]

    /// - Parameter signatories: the statement's ``Store/signatories(of:)``, when the caller has
    ///   read them already; read from `store` otherwise.
    public init(statement: JointStatement, store: Store, signatories: [Signatory]? = nil) throws {
        self.statement = statement
        var cosigners: [Entry] = []
        var warnings: [String] = []
        var leadSignature: Signature?
        // Hashing the wording normalises the whole text: once, not once per co-signer.
        let current = statement.textHash
        for entry in try signatories ?? store.signatories(of: statement.id) {
            let signature = entry.signature
            if signature.organisationID == statement.leadOrganisationID {
                leadSignature = signature
                continue
            }
            guard signature.status == .signed, signature.consentToPublish else { continue }
            let organisation = entry.organisation
            if let hash = signature.textHash, hash != current {
                warnings.append(
                    "\(organisation.displayName) signed an older wording (\(hash.short)); the current one is \(current.short). Ask them to confirm before publishing."
                )
            }
            let nameable = entry.contact?.isPublishable == true && !entry.contactIsProtected
            cosigners.append(Entry(organisation: organisation, contact: nameable ? entry.contact : nil))
        }
        if let leadID = statement.leadOrganisationID, let organisation = try store.organisation(leadID) {
            let identities = try store.protectedIdentities()
            func nameable(_ contact: ContactPerson) -> Bool { contact.isPublishable && !identities.protects(contact) }
            var contact = try leadSignature?.contactID.flatMap { try store.contact($0) }.flatMap {
                nameable($0) ? $0 : nil
            }
            if contact == nil { contact = try store.contacts(of: leadID).first(where: nameable) }
            self.lead = Entry(organisation: organisation, contact: contact)
        } else {
            self.lead = nil
        }
        self.cosigners = cosigners
        self.warnings = warnings
    }
}
