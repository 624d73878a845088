import Foundation
import SignatoryDomain
import SignatoryImport
import SignatoryStore
import StoreTestSupport
import TestSupport
import Testing

struct SignerImportTests {
    /// An office with DAFOH (and its contact's email), CAP and SIRDO, and an open statement.
    final class Office {
        let folder: TemporaryDirectory
        let store: Store
        let statement: JointStatement
        let cap: Organisation

        init() throws {
            self.folder = try TemporaryDirectory()
            self.store = try Store.create(
                at: self.folder.path("office.db"),
                office: SignatoryDomain.Office(name: "Geneva", createdAt: Date())
            )
            self.statement = try self.store.addOpenStatement(body: "We ask states to act.").statement
            let dafoh = Organisation(
                name: "Doctors Against Forced Organ Harvesting",
                acronym: "DAFOH",
                country: try CountryCode("US")
            )
            self.cap = Organisation(
                name: "CAP Liberté de Conscience",
                acronym: "CAP",
                country: try CountryCode("FR"),
                ecosoc: .special
            )
            let sirdo = Organisation(
                name: "Romanian Independent Society of Human Rights",
                acronym: "SIRDO",
                country: try CountryCode("RO")
            )
            for organisation in [dafoh, self.cap, sirdo] { try self.store.insert(organisation) }
            try self.store.insert(
                ContactPerson(
                    organisationID: dafoh.id,
                    fullName: "Dr. Torsten Trey",
                    title: "Executive Director",
                    email: try EmailAddress("director@dafoh.org")
                )
            )
            try self.store.insert(ContactPerson(organisationID: self.cap.id, fullName: "Thierry Valle", title: nil))
        }

        func run(_ csv: String, configure: (inout SignerImport) -> Void = { _ in }) throws -> SignerImportReport {
            var signOn = SignerImport(statement: self.statement.id)
            // Most files here have no consent column; the test of that refusal sets this back to nil.
            signOn.consent = false
            configure(&signOn)
            return try signOn.run(csv: Array(csv.utf8), store: self.store)
        }
    }

    @Test func rowsBecomeOrganisationsContactsAndSignatures() throws {
        let office = try Office()
        let report = try office.run(
            """
            \u{FEFF}Nom de l'organisation;Sigle;Pays;Statut ECOSOC;Nom du contact;Fonction;Courriel;Téléphone;Consentement\r
            Friends of Human Rights in Asia;FHRA;Japon;Special consultative status;Aiko Tanaka;Coordinator;aiko@fhra.example;+81 3 5555 0100;Oui\r
            Friends of Human Rights in Asia;FHRA;JP;;Kenji Sato;;kenji@fhra.example;;non\r
            "Centre ""Justice"", Lima";;Peru;;;;;;\r

            """
        )
        #expect(report.created == 2 && report.matched == 1 && report.updated == 0 && report.rejected.isEmpty)
        #expect(report.contactsAdded == 2 && report.signaturesRecorded == 2)
        let fhra = try #require(try office.store.organisations().first { $0.acronym == "FHRA" })
        #expect(fhra.country?.code == "JP" && fhra.ecosoc == .special)
        let contacts = try office.store.contacts(of: fhra.id)
        #expect(contacts.map(\.fullName) == ["Aiko Tanaka", "Kenji Sato"])
        #expect(
            contacts[0].phone?.e164 == "+81355550100" && contacts[0].consentToPublish && !contacts[1].consentToPublish
        )
        let signature = try #require(
            try office.store.signature(Signature.id(statement: office.statement.id, organisation: fhra.id))
        )
        #expect(signature.status == .signed && signature.source == .import && signature.consentToPublish)
        #expect(
            try office.store.organisations().contains {
                $0.name == "Centre \"Justice\", Lima" && $0.country?.code == "PE"
            }
        )
    }

    @Test func existingOrganisationsAreMatchedByNameAcronymOrEmailDomain() throws {
        let office = try Office()
        let before = try office.store.organisations().count
        let report = try office.run(
            """
            Organisation,Acronym,Country,Contact name,Email,Consent
            cap liberte de conscience.,,FR,Thierry Valle,,yes
            Romanian Indep. Society for HR,SIRDO,RO,Lucica Humenuc,,yes
            Doctors against forced organ harvesting (USA),,,Press Office,press@dafoh.org,yes

            """
        )
        #expect(report.created == 0 && report.matched == 3, "\(report)")
        #expect(try office.store.organisations().count == before)
        // Thierry Valle was matched by name, not added again; the other two contacts are new.
        #expect(report.contactsAdded == 2)
        #expect(try office.store.contacts(of: office.cap.id).count == 1)
    }

    /// The iCSO number is the surest match: it finds an organisation under another name, and a
    /// different number keeps a namesake apart.
    @Test func theICSONumberMatchesFirstAndKeepsNamesakesApart() throws {
        let office = try Office()
        var cap = office.cap
        cap.icsoNumber = try ICSONumber("4281")
        try office.store.update(cap)
        let before = try office.store.organisations().count
        let report = try office.run(
            """
            Organisation,Country,iCSO profile number,Contact name
            Coordination des Associations pour la Liberté de Conscience,FR,# 4281,Christine Mirre
            CAP Liberté de Conscience,FR,9999,Someone Else
            Friends of CAP,FR,0009999,Another Person

            """
        ) { $0.mode = .fill }
        #expect(report.matched == 2 && report.created == 1, "\(report)")
        #expect(try office.store.organisations().count == before + 1)
        #expect(try office.store.contacts(of: cap.id).map(\.fullName).sorted() == ["Christine Mirre", "Thierry Valle"])
        // The namesake with another number was created, and the third row found it by that number.
        let namesake = try #require(try office.store.organisations().first { $0.icsoNumber?.digits == "9999" })
        #expect(namesake.id != cap.id)
        #expect(
            try office.store.contacts(of: namesake.id).map(\.fullName).sorted() == ["Another Person", "Someone Else"]
        )
        let refused = try #require(throws: SignerImportError.self) {
            try office.run("Organisation,iCSO number\nNew One,CAP-12\n") { $0.strict = true }
        }
        #expect(refused.report?.rejected.first?.reason.contains("iCSO number 'CAP-12'") == true)
    }

    @Test func modesDecideWhatHappensToExistingFields() throws {
        let csv = """
            Organisation,Country,ECOSOC,Contact name,Title,Consent
            CAP Liberté de Conscience,FR,general,Thierry Valle,Director,yes

            """
        let skip = try Office()
        #expect(try skip.run(csv).matched == 1)
        #expect(try skip.store.contacts(of: skip.cap.id)[0].title == nil)
        #expect(try skip.store.organisation(skip.cap.id)?.ecosoc == .special)

        let fill = try Office()
        #expect(try fill.run(csv) { $0.mode = .fill }.updated == 1)
        #expect(try fill.store.contacts(of: fill.cap.id)[0].title == "Director")
        #expect(try fill.store.organisation(fill.cap.id)?.ecosoc == .special, "fill keeps a status already set")

        let update = try Office()
        #expect(try update.run(csv) { $0.mode = .update }.updated == 1)
        #expect(try update.store.organisation(update.cap.id)?.ecosoc == .general)
        #expect(try update.store.contacts(of: update.cap.id)[0].consentToPublish)
    }

    /// Rows for the same organisation find its contacts as they stand after the rows before:
    /// one row adds a contact, another names her by email; one gives a contact an email, the
    /// next names him by it.
    @Test func laterRowsFindContactsAsEarlierRowsLeftThem() throws {
        let office = try Office()
        let csv = """
            Organisation,Contact name,Email,Title,Consent
            CAP Liberté de Conscience,Thierry Valle,thierry@cap.example,,yes
            CAP Liberté de Conscience,T. Valle,thierry@cap.example,Director,yes
            CAP Liberté de Conscience,Christine Mirre,christine@cap.example,,yes
            CAP Liberté de Conscience,C. Mirre,CHRISTINE@cap.example,Coordinator,yes

            """
        let report = try office.run(csv) { $0.mode = .fill }
        #expect(report.contactsAdded == 1)
        let contacts = try office.store.contacts(of: office.cap.id)
        #expect(contacts.map(\.fullName) == ["Christine Mirre", "Thierry Valle"])
        #expect(contacts.map(\.title) == ["Coordinator", "Director"])
        #expect(contacts[1].email?.address == "thierry@cap.example")
    }

    /// Two contacts may share an address (an office's `info@`): one taking another address in
    /// an earlier row leaves the other found by it.
    @Test func aSharedEmailStillFindsTheOtherContact() throws {
        let office = try Office()
        let shared = try EmailAddress("info@cap.example")
        try office.store.insert(ContactPerson(organisationID: office.cap.id, fullName: "Ana Lupu", email: shared))
        try office.store.insert(ContactPerson(organisationID: office.cap.id, fullName: "Bob Ionescu", email: shared))
        let csv = """
            Organisation,Contact name,Email,Title,Consent
            CAP Liberté de Conscience,Ana Lupu,ana@cap.example,Director,yes
            CAP Liberté de Conscience,Robert Ionescu,info@cap.example,Treasurer,yes

            """
        let report = try office.run(csv) { $0.mode = .update }
        #expect(report.contactsAdded == 0)
        let bob = try #require(try office.store.contacts(of: office.cap.id).first { $0.fullName == "Bob Ionescu" })
        #expect(bob.title == "Treasurer" && bob.email == shared)
    }

    /// A value holding an unquoted comma shifts the cells after it, consent among them.
    @Test func aRowWithMoreValuesThanColumnsIsRefused() throws {
        let office = try Office()
        // Even when the cell pushed past the last column is empty ("Other One" has a trailing comma).
        let csv =
            "Organisation,Contact name,Consent\nNew One,Jane Doe,Yes, but not publicly\nOther One,John Doe,yes,\n"
            + "Third One,Ion Pop,yes\n"
        let report = try office.run(csv) { $0.skipBadRows = true }
        let reason =
            "the row has 4 values but the header line names 3 columns; a value holding the separator must be in double quotes"
        #expect(report.rejected.map(\.reason) == [reason, reason])
        #expect(report.created == 1 && report.rejected.map(\.line) == [2, 3])
    }

    /// Anyone can send a sign-on form: a row naming a person at risk must not give them another
    /// email address or phone number, in `update` or `fill` mode; the same row for a contact not
    /// at risk (the negative control) does.
    @Test func aFileNeverChangesThePersonAtRisk() throws {
        let csv = """
            Organisation,Contact name,Email,Phone,Consent
            CAP Liberté de Conscience,Thierry Valle,valle@attacker.example,+33 1 55 55 01 99,yes

            """
        for mode in [SignerImport.Mode.update, .fill] {
            let office = try Office()
            var valle = try office.store.contacts(of: office.cap.id)[0]
            valle.atRisk = true
            try office.store.update(valle)
            let report = try office.run(csv) { $0.mode = mode }
            #expect(try office.store.contacts(of: office.cap.id) == [valle], "\(mode)")
            #expect(report.updated == 0 && report.signaturesRecorded == 1, "\(mode)")
            #expect(
                report.warnings.map(\.text) == [
                    "Thierry Valle is at risk: the file's details for them were not written; change them by hand if they are right"
                ]
            )
            let control = try Office()
            _ = try control.run(csv) { $0.mode = mode }
            #expect(try control.store.contacts(of: control.cap.id)[0].email?.address == "valle@attacker.example")
        }
    }

    @Test func aMatchByEmailDomainAloneNeverReplacesWhoTheOrganisationIs() throws {
        // DAFOH's director writes from dafoh.org; a row of another name is matched by that alone.
        let csv = """
            Organisation,Acronym,Country,ECOSOC,Contact name,Email,Consent
            Front Line Friends,FLF,IE,general,X,someone@dafoh.org,yes

            """
        let update = try Office()
        let report = try update.run(csv) { $0.mode = .update }
        #expect(report.rows.first?.outcome.contains("email domain") == true)
        let dafoh = try update.store.organisation(matching: "DAFOH")
        #expect(dafoh.acronym == "DAFOH" && dafoh.country?.description == "US", "nothing set is replaced")
        #expect(dafoh.ecosoc == .general, "an empty ECOSOC status is filled, as in fill mode")
        // The negative control: a match by name in update mode does replace.
        let byName = try Office()
        _ = try byName.run(
            "Organisation,Acronym,Country,Consent\nDoctors Against Forced Organ Harvesting,DAFOH-US,US,yes\n"
        ) { $0.mode = .update }
        #expect(try byName.store.organisation(matching: "DAFOH-US").name == "Doctors Against Forced Organ Harvesting")
    }

    @Test func aFileWithBadRowsChangesNothingAndNamesEachLine() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        let csv = """
            Organisation,Country,Contact name,Email
            Good Organisation,KE,Wanjiru Kamau,wanjiru@good.example
            ,KE,Nobody,
            "Multi-line
            Organisation",Atlantis,,
            Third,FR,Someone,not-an-email

            """
        let error = try #require(throws: SignerImportError.self) { try office.run(csv) { $0.strict = true } }
        let rejected = try #require(error.report?.rejected)
        #expect(rejected.map(\.line) == [3, 4, 6])
        #expect(rejected[1].reason.contains("Atlantis"))
        // Which option skips them is the command line's advice, not the import's.
        #expect(error.description.contains("cannot be imported") && !error.description.contains("--"))
        #expect(try office.store.canonicalDump() == before)

        let report = try office.run(csv) {
            $0.skipBadRows = true
            $0.strict = true
        }
        #expect(report.created == 1 && report.rejected.count == 3)
        #expect(try office.store.organisations().contains { $0.name == "Good Organisation" })
    }

    /// A row refused only while it is being written (here by a trigger standing in for any rule
    /// of the database) sends the import through a second pass, row by row: the refused row
    /// leaves nothing behind, not even its new organisation.
    @Test func aRowRefusedWhileWritingLeavesNothingBehind() throws {
        let office = try Office()
        try office.store.database.execute(
            """
            CREATE TRIGGER refuse_contact BEFORE INSERT ON contact WHEN NEW.full_name = 'Refused Person'
            BEGIN SELECT RAISE(ABORT, 'this contact is refused'); END
            """
        )
        let before = try office.store.canonicalDump()
        let csv = """
            Organisation,Country,Contact name
            First Organisation,KE,Wanjiru Kamau
            Refused Organisation,FR,Refused Person
            Third Organisation,RO,Ion Popescu

            """
        let error = try #require(throws: SignerImportError.self) { try office.run(csv) }
        #expect(error.report?.rejected.map(\.line) == [3])
        #expect(error.report?.rejected.first?.reason.contains("this contact is refused") == true)
        #expect(try office.store.canonicalDump() == before)

        let report = try office.run(csv) { $0.skipBadRows = true }
        #expect(report.created == 2 && report.rejected.map(\.line) == [3])
        let names = try office.store.organisations().map(\.name)
        #expect(names.contains("First Organisation") && names.contains("Third Organisation"))
        #expect(!names.contains("Refused Organisation"))
        // The feed has no hole where the refused row's changes were rolled back.
        #expect(try office.store.feedEnd(of: office.store.office.id).sequence == office.store.changeCount())
    }

    @Test func aBadOptionalValueIsLeftEmptyWithAWarningAndTheRowKept() throws {
        let office = try Office()
        let csv = """
            Organisation,Country,Contact name,Email,Phone
            Third,Atlantis,Someone,not-an-email,+41 22 555 01 00
            Fourth,KE,Wanjiru Kamau,wanjiru@fourth.example,0800 NOT A PHONE

            """
        let report = try office.run(csv)
        #expect(report.created == 2 && report.rejected.isEmpty && report.signaturesRecorded == 2)
        #expect(report.warnings.map(\.line) == [2, 2, 3])
        #expect(report.description.contains("Warning, line 2: country 'Atlantis' is neither"))
        #expect(report.description.contains("country left empty") && report.description.contains("phone left empty"))
        let third = try #require(try office.store.organisations().first { $0.name == "Third" })
        #expect(third.country == nil)
        let someone = try #require(try office.store.contacts(of: third.id).first)
        #expect(someone.email == nil && someone.phone?.e164 == "+41225550100")
    }

    @Test func aFileWithoutAConsentColumnNeedsToBeToldTheAnswer() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        let csv = "Organisation,Country,Contact name\nNew One,KE,Wanjiru Kamau\n"
        let error = try #require(throws: SignerImportError.self) { try office.run(csv) { $0.consent = nil } }
        #expect(error.lacksConsent && error.description.contains("consent is never assumed"))
        #expect(try office.store.canonicalDump() == before)
        let report = try office.run(csv) { $0.consent = true }
        #expect(report.created == 1)
        let new = try #require(try office.store.organisations().first { $0.name == "New One" })
        #expect(try office.store.contacts(of: new.id).first?.consentToPublish == true)
    }

    /// A column that asks about publishing the other way round ("Do not publish my name"), on a
    /// condition, or in more words than a plain question is refused whatever else is said: its
    /// "yes" may mean "do not name me". So is an unread column that may ask to stay unnamed.
    @Test func aQuestionAgainstPublishingIsNeverReadAsConsent() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        for header in [
            "Do not publish my name", "Please do NOT publish our name", "Don't publish", "Ne pas publier mon nom",
            "No publicar mi nombre", "Publish anonymously?", "Opt out of publication", "Withhold publication",
            "Publier sans mon nom", "Refus de publication", "Publication refused", "Against publication",
            "Unpublished", "Publish after review", "Publish? (blank = yes)", "Anonymous signature",
            "Keep my name private", "Signature anonyme", "Je m'oppose à la publication",
            // Headers that ask for discretion in a word or two.
            "Keep private", "Not public", "Opt out", "Opt-out of listing", "Public listing opt-out", "Confidential",
            "Keep confidential", "Off the record", "Incognito", "Hide", "Sigilo", "Assinatura sigilosa",
            "Confidencial", "Do not share", "Do not disclose", "Remove my name", "Leave out", "Discreet", "Conceal",
            "Masked", "Protect identity", "Anon", "Uncredited", "In confidence", "Nameless", "Unlisted",
            "Ne pas diffuser", "Ne pas divulguer", "Ne pas citer", "Masquer", "Cacher", "Nom masqué",
            "Confidentialité", "Hors public", "Ocultar", "Esconder", "Secreto", "Reservado", "No mostrar",
            "No nombrar", "Nombre oculto", "Não divulgar", "Segredo", "KeepPrivate", "Ｏｐｔ ｏｕｔ", "Do not publicise",
            "Anonymise", "No compartir", "Sin mención", "Nom caché", "No publicity", "Keep it quiet", "Silent signer",
            "Secrecy", "Embargoed", "Exclude", "Omit", "Leave off",
            // In the words of a question (hostile review 60).
            "Do you want to remain anonymous?", "Remain anonymous", "Stay anonymous?", "Anonymity requested",
            "Signer wishes anonymity", "Rester anonyme", "Internal only", "Only internal",
            // Hostile review 61.
            "¿Desea permanecer anónimo?", "Organisation only (no contact)",
        ] {
            let csv = "Organisation,Contact name,\(header)\nShelter Org,Amira Hidden,yes\n"
            let beside = "Organisation,Contact name,Consent to publish,\(header)\nShelter Org,Amira Hidden,yes,yes\n"
            for (file, configure) in [
                (csv, { (_: inout SignerImport) in }), (csv, { $0.consent = true }),
                (csv, { $0.map = [header: .consent] }), (beside, { $0.map = ["Consent to publish": .consent] }),
            ] {
                let error = try #require(throws: SignerImportError.self, "\(header)") {
                    try office.run(file, configure: configure)
                }
                #expect(
                    error.description.contains("'\(header)' asks about publishing the other way round")
                        || error.unclearConsentHeader == header,
                    "\(error)"
                )
            }
        }
        // A column left unread that may ask whether the signer may be named: its "no" answers would be lost.
        for header in [
            "Public?", "Name us?", "Include our name?", "Show name?", "List my name?", "Credit?", "Attribution?",
            "Appear publicly?", "Be listed?", "Public", "Include?", "Figurer?", "Aparecer?", "Citar?", "Nommer?",
            "On the record?", "Acknowledge?", "Be named?", "Appear on website", "Listing preference",
            "Names may be shared?", "Show name", "Display our logo and name", "Nominatif ?",
            "How should we credit you?", "Identify?",
        ] {
            let csv = "Organisation,Contact name,\(header)\nShelter Org,Amira Hidden,no\n"
            let error = try #require(throws: SignerImportError.self, "\(header)") {
                try office.run(csv) { $0.consent = true }
            }
            #expect(error.unclearConsentHeader == header && error.description.contains("is not read"), "\(error)")
            let mapped = try office.run(csv) {
                $0.map = [header: .consent]
                $0.dryRun = true
            }
            #expect(mapped.rows.first?.outcome.contains("rejected") == false, "\(header)")
        }
        // Nor is such a header read as another field for a word it holds ("name").
        for header in ["Include our name?", "Do not name", "No name", "Nom public?", "Ocultar nombre"] {
            let csv = "Organisation,Email,\(header)\nShelter Org,a@shelter.example,No\n"
            #expect(throws: SignerImportError.self, "\(header)") { try office.run(csv) { $0.consent = true } }
        }
        for header in [
            "Show name", "Show our name", "Display name publicly", "Names may be shared?", "Display our logo and name",
        ] {
            let csv = "Organisation,Email,\(header)\nShelter Org,a@shelter.example,No\n"
            let error = try #require(throws: SignerImportError.self, "\(header)") {
                try office.run(csv) { $0.consent = true }
            }
            #expect(error.namingQuestionReadAsField?.field == "contact-name", "\(header): \(error)")
        }
        #expect(try office.store.canonicalDump() == before)
        // Columns a sign-on form holds beside the signer's answers are read as before.
        let guessed = try office.run(
            "Organisation name (as it should appear in the statement),Contact name (as it should appear),Consent\n"
                + "Open Org,Ana,yes\n"
        ) { $0.dryRun = true }
        #expect(guessed.columns.map(\.field) == [.organisation, .contactName, .consent])
        let ordinary = try office.run(
            "Organisation,Contact name,Consent,Timestamp,Comments,Website,Add me to the mailing list,Public sector,"
                + "Credit card,Private notes,Anonymous feedback,Opt-out of newsletter,Liste de diffusion,"
                + "Confidential comments\nOpen Org,Ana,yes,1,,,yes,,,,,,,\n"
        ) { $0.dryRun = true }
        #expect(ordinary.rejected.isEmpty && ordinary.columns.count == 14)
        // A column mapped to another field is not a question about publishing; an answer hint is no negation.
        let mapped = try office.run("Organisation (not for publication),Contact name,Consent\nOpen Org,Ana,yes\n") {
            $0.map = ["Organisation (not for publication)": .organisation]
        }
        #expect(mapped.created == 1)
        for header in [
            "Consent (yes/no)", "Consentement (oui/non)", "Publish your name? Tick yes or no",
            "Consentimiento para publicar su nombre", "Consentement pour la publication",
        ] {
            let report = try office.run("Organisation,Contact name,\(header)\nHinted Org,Ana,yes\n") {
                $0.dryRun = true
            }
            #expect(report.columns.last?.field == .consent && report.rejected.isEmpty, "\(header)")
        }
    }

    /// A column that may say a signer is at risk is read as that: any answer but a plain no marks
    /// the contact at risk, in any of several such columns; a later "no" never takes the mark off;
    /// a column asking about safety, or the other way round, refuses the file unless mapped
    /// (hostile reviews 61 and 62).
    @Test func aColumnAskingAboutRiskMarksTheContactAtRisk() throws {
        let office = try Office()
        for header in [
            "Are you at risk?", "At risk?", "En riesgo", "Vous êtes en danger ?", "Under threat?",
            "Do you face reprisals?", "Risk", "Sensitive", "Datos sensibles", "Sensível", "Retaliação",
            "Are you at risk? (yes/no)",
        ] {
            let report = try office.run("Organisation,Contact name,Consent,\(header)\nOrg,Ann Bee,yes,yes\n") {
                $0.dryRun = true
            }
            #expect(report.columns.last?.field == .atRisk && report.rejected.isEmpty, "\(header)")
        }
        let before = try office.store.canonicalDump()
        for header in [
            "Are you safe?", "Safety", "Security concerns?", "Security OK?", "Vous sentez-vous en sécurité ?",
            "¿Se siente seguro/a?", "Is it safe to contact you?", "Is it safe to name you?", "Unsafe?", "No risk?",
            "Without risk?", "Free from threats?", "Sans risque ?", "Sin riesgo", "Sem risco",
        ] {
            let csv = "Organisation,Contact name,Consent,\(header)\nOrg,Ann Bee,yes,no\n"
            let error = try #require(throws: SignerImportError.self, "\(header)") { try office.run(csv) }
            #expect(error.riskAskedUnclearly == header, "\(header): \(error)")
            let mapped = try office.run(csv) {
                $0.map = [header: .atRisk]
                $0.dryRun = true
            }
            #expect(mapped.rejected.isEmpty, "\(header)")
        }
        #expect(try office.store.canonicalDump() == before)
        _ = try office.run(
            "Organisation,Contact name,Consent,Are you at risk?,Threats received\nFirst Org,Ann Bee,yes,Yes,\n"
                + "Second Org,Cy Dee,yes,no,no\nThird Org,Ed Eff,yes,I'd rather not say,\nFourth Org,Flo Gee,yes,,\n"
                + "Fifth Org,Gus Hay,yes,no,yes\nSixth Org,Ida Jay,yes,No?,\nSeventh Org,Kit Lee,yes, NÃO ,\n"
        ) { $0.map = ["Are you at risk?": .atRisk] }
        let signers: Set = ["Ann Bee", "Cy Dee", "Ed Eff", "Flo Gee", "Gus Hay", "Ida Jay", "Kit Lee"]
        func atRisk() throws -> [String: Bool] {
            Dictionary(
                uniqueKeysWithValues: try office.store.contacts().filter { signers.contains($0.fullName) }.map {
                    ($0.fullName, $0.atRisk)
                }
            )
        }
        let first = [
            "Ann Bee": true, "Cy Dee": false, "Ed Eff": true, "Flo Gee": false, "Gus Hay": true, "Ida Jay": true,
            "Kit Lee": false,
        ]
        #expect(try atRisk() == first)
        _ = try office.run(
            "Organisation,Contact name,Consent,At risk\nFirst Org,Ann Bee,yes,no\nSecond Org,Cy Dee,yes,yes\n"
        )
        #expect(try atRisk() == first.merging(["Cy Dee": true]) { _, new in new })
    }

    /// Consent is never guessed from an answer that says yes and no at once, nor from one of two
    /// columns that both sound like it; a column the user names for it is the one read.
    @Test func consentIsReadFromOneColumnAndOneClearAnswer() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        let twoColumns = "Organisation,Contact name,Consent,Consent to publish\nNew One,Wanjiru Kamau,yes,no\n"
        let error = try #require(throws: SignerImportError.self) { try office.run(twoColumns) }
        #expect(error.ambiguousField == "consent")
        #expect(error.description.contains("columns 'Consent', 'Consent to publish' are all read as consent"))
        #expect(try office.store.canonicalDump() == before)
        // A header about publishing asks for consent, not for a name: with another consent-like
        // column, the file is refused until a --map names the one to read.
        let named =
            "Organisation,Contact name,Consent to be contacted,May we publish your name\nNew One,Jane Doe,yes,no\n"
        #expect(try #require(throws: SignerImportError.self) { try office.run(named) }.ambiguousField == "consent")
        // The column the user names wins over one that merely sounds like consent, wherever it stands.
        let report = try office.run(named) { $0.map = ["May we publish your name": .consent] }
        #expect(report.columns.map(\.field) == [.organisation, .contactName, nil, .consent])
        let new = try #require(try office.store.organisations().first { $0.name == "New One" })
        #expect(try office.store.contacts(of: new.id).first?.consentToPublish == false)
        let mappedTwice = try #require(throws: SignerImportError.self) {
            try office.run(named) {
                $0.map = ["May we publish your name": .consent, "Consent to be contacted": .consent]
            }
        }
        #expect(mappedTwice.ambiguousField == "consent")
        let answers: [(String, Bool?)] = [
            ("Yes, we agree", true), ("I agree", true), ("Oui, j'accepte", true), ("No, thank you", false),
            ("No, we do not agree", false), ("yes no", nil), ("Oui non", nil), ("Yes, we do not agree", nil),
            ("Yes I agree to not be published", nil), ("Yes, but don't publish", nil), ("maybe", nil),
            ("Yes, anonymously", nil), ("yes, without our name", nil), ("yes nah", nil), ("ye s", nil),
            ("Sí, de acuerdo", true), ("Yes, of course", true), ("Oui, nous acceptons", true),
            ("Yes, we consent to our name being published", true), ("Yes, happy to be listed as a signatory", true),
            // A yes with a condition, in words no list of negations could foresee.
            ("Oui, sauf mon nom", nil), ("Sí, excepto mi nombre", nil), ("Yes, hide my name", nil),
            ("Yes, withhold my name", nil), ("Yes, on condition of anonymity", nil), ("Yes, confidentially", nil),
            ("Yes, off the record", nil), ("Yes, under a pseudonym", nil), ("Yes, just the org", nil),
            ("Yes, with initials", nil), ("Only the organisation", false), ("Yes ❌", nil), ("Yes, publish?", nil),
            ("Yes 👎", nil), ("Yes (*)", nil), ("Sim, de acordo", true), ("Yes!", true),
            // "No problem" and "no objection" agree, and take no condition either.
            ("Yes, no problem", true), ("No problem", true), ("Oui, pas de problème", true),
            ("No objection to publication", true), ("Sí, sin problema", true), ("Sem problema", true),
            ("Yes, no problem, but not my name", nil), ("No problem if anonymous", nil), ("No, no problem", false),
            // Only spaces make the phrase: a sign after the no leaves a no.
            ("No. Objection.", false), ("No, objection", false), ("No! Objection!", false), ("No - objection", false),
            ("No: objection", false), ("No (objection)", false), ("No, problem", false), ("No... problem", false),
            ("Non. Pas de problème", false), ("No  problem", true), ("Yes, no problem.", true),
            ("No\u{A0}problem", true), ("No\u{1680}problem", false), ("No\nproblem", false),
            ("No\u{2028}problem", false), ("No\u{B}problem", false),
            // A word struck out or crossed by a mark is not an answer.
            ("Y\u{336}e\u{336}s\u{336}", nil), ("Yes\u{20E0}", nil), ("No p\u{336}r\u{336}o\u{336}blem", nil),
            ("Si\u{301}", true), ("Na\u{303}o", false),
        ]
        for (answer, expected) in answers {
            let csv = "Organisation,Contact name,Consent\nAnswer Org,Person,\"\(answer)\"\n"
            let report = try office.run(csv) {
                $0.dryRun = true
                $0.skipBadRows = true
            }
            #expect((report.rejected.count == 1) == (expected == nil), "\(answer)")
            if expected == nil {
                #expect(report.rejected.first?.reason == "consent '\(answer)' is neither yes nor no")
            }
        }
        #expect(
            try office.run("Organisation,Contact name,Consent\nAnswer Org,Person,\"Yes, but not publicly\"\n") {
                $0.skipBadRows = true
            }.rejected.count == 1
        )
        #expect(try office.store.organisations().contains { $0.name == "Answer Org" } == false)
        for (index, (answer, expected)) in [
            ("No problem", true), ("No, no problem", false), ("Oui, pas de problème", true), ("No. Objection.", false),
            ("No, problem", false), ("No - objection", false), ("No\nproblem", false), ("No\u{B}problem", false),
            ("No\u{A0}problem", true), ("No\u{1680}problem", false),
        ].enumerated() {
            let organisation = "Answer Org \(index)"
            _ = try office.run("Organisation,Contact name,Consent\n\"\(organisation)\",Person,\"\(answer)\"\n")
            let signer = try #require(try office.store.organisations().first { $0.name == organisation })
            #expect(try office.store.contacts(of: signer.id).first?.consentToPublish == expected, "\(answer)")
        }
    }

    @Test func aLongHeaderIsQuotedShort() throws {
        let office = try Office()
        let header =
            "Organisation," + String(repeating: "x", count: 100_000) + ","
            + (1...30).map { "Column \($0)" }.joined(separator: ",")
        let error = try #require(throws: SignerImportError.self) {
            try office.run(header + "\nNew One\n") { $0.consent = nil }
        }
        #expect(error.lacksConsent)
        #expect(error.description.count < 2_000)
        #expect(
            error.description.contains("'\(String(repeating: "x", count: 60))…'")
                && error.description.contains("… and 12 more")
        )
    }

    /// A cell megabytes long is named by its start in every line of the report and the error.
    @Test func aLongCellIsQuotedShort() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        let long = String(repeating: "A", count: 1_000_000)
        let csv = "Organisation,Country,Consent\n\(long),FR,yes\nShort Org,\(long),yes\n"
        let report = try office.run(csv) { $0.dryRun = true }
        // The summary, the columns, a line per row, and the warning for the country left empty.
        #expect(report.lines.count == 5 && report.lines.allSatisfy { $0.count < 600 }, "\(report.lines.map(\.count))")
        #expect(report.lines[2].hasPrefix("Line 2: AAAA") && report.lines[2].hasSuffix(" characters)"))
        #expect(report.lines[4].hasPrefix("Warning, line 3: country 'AAAA"))
        let error = try #require(throws: SignerImportError.self) { try office.run(csv) }
        #expect(error.lines.count == 2 && error.lines.allSatisfy { $0.count < 600 }, "\(error.lines.map(\.count))")
        #expect(try office.store.canonicalDump() == before)
    }

    @Test func spanishFrenchAndPortugueseHeadersAreReadByTheirWholeNames() throws {
        let office = try Office()
        let csv = """
            Nombre de la organización,País,Nombre del contacto,Cargo,Correo electrónico,Consentimiento
            Asociación Pro Derechos Humanos,ES,Ana García,Directora,ana@apdh.example,sí
            Nome da organização,País,Nome do contato,Função,E-mail,Consentimento
            Conectas Direitos Humanos,BR,João Silva,Diretor,joao@conectas.example,sim

            """
        let spanish = String(csv.split(separator: "\n").prefix(2).joined(separator: "\n")) + "\n"
        let report = try office.run(spanish) { $0.dryRun = true }
        #expect(
            report.columns.map(\.field) == [.organisation, .country, .contactName, .title, .email, .consent]
        )
        #expect(report.description.contains("'Nombre de la organización' → organisation"))
        #expect(report.description.contains("'Nombre del contacto' → contact-name"))
        let portuguese = String(csv.split(separator: "\n").suffix(2).joined(separator: "\n")) + "\n"
        let columns = try office.run(portuguese) { $0.dryRun = true }.columns.map(\.field)
        #expect(columns == [.organisation, .country, .contactName, .title, .email, .consent])
    }

    @Test func aCreatedOrganisationThatLooksLikeOneHeldIsNamed() throws {
        let office = try Office()
        // Not matched: the same acronym, but another country.
        let report = try office.run("Organisation,Acronym,Country\nCentre d'Action pour la Paix,CAP,BE\n")
        #expect(report.created == 1)
        #expect(
            report.warnings.map(\.text) == [
                "the organisation created looks like CAP Liberté de Conscience (CAP): same acronym (CAP); "
                    + "`org merge` merges them if it is"
            ]
        )
    }

    /// `--mode update` may give an organisation held another's acronym: the import names the
    /// other one, as for an organisation it creates; the same row in `fill` mode changes nothing.
    @Test func anUpdatedOrganisationThatNowLooksLikeAnotherIsNamed() throws {
        // Line 2 gives DAFOH SIRDO's acronym; line 3 changes only its ECOSOC status.
        let csv = """
            Organisation,Acronym,ECOSOC,Consent
            Doctors Against Forced Organ Harvesting,SIRDO,,yes
            Doctors Against Forced Organ Harvesting,,general,yes

            """
        let update = try Office()
        let report = try update.run(csv) { $0.mode = .update }
        #expect(report.updated == 2)
        #expect(
            report.warnings.map(\.text) == [
                "the organisation updated looks like Romanian Independent Society of Human Rights (SIRDO): "
                    + "same acronym (SIRDO); `org merge` merges them if it is"
            ]
        )
        #expect(report.warnings.map(\.line) == [2])
        let fill = try Office()
        #expect(try fill.run(csv) { $0.mode = .fill }.warnings.isEmpty)
        // An organisation the file created and a later line gave SIRDO's acronym: that line.
        let created = try Office()
        let later = try created.run("Organisation,Acronym,Consent\nDelta Org,DEL,yes\nDelta Org,SIRDO,yes\n") {
            $0.mode = .update
        }
        #expect(later.warnings.map(\.line) == [3])
        #expect(later.warnings.first?.text.hasPrefix("the organisation updated looks like Romanian") == true)
    }

    @Test func aRowNamingAMergedDuplicateIsMatchedToTheOrganisationKept() throws {
        let office = try Office()
        let duplicate = Organisation(
            name: "CAP Liberte de Conscience Paris",
            acronym: "CAP-P",
            country: try CountryCode("FR"),
            icsoNumber: try ICSONumber("70012")
        )
        try office.store.insert(duplicate)
        try office.store.mergeOrganisation(duplicate.id, into: office.cap.id)
        let before = try office.store.organisations().count
        // By the duplicate's name and country, its acronym, and its iCSO number.
        let report = try office.run(
            """
            Organisation,Acronym,Country,iCSO profile number,Contact name,Consent
            CAP Liberté de Conscience – Paris,,France,,Christine Mirre,yes
            Another name,CAP-P,,,Christine Mirre,yes
            A third name,,,70012,Christine Mirre,yes

            """
        )
        #expect(report.created == 0 && report.matched == 3)
        #expect(try office.store.organisations().count == before)
        #expect(try office.store.contacts(of: office.cap.id).map(\.fullName) == ["Christine Mirre", "Thierry Valle"])
        #expect(try office.store.signatures(on: office.statement.id).map(\.organisationID) == [office.cap.id])
    }

    @Test func aMatchThroughAMergedDuplicateOnlyFillsTheOrganisationKept() throws {
        let office = try Office()
        let duplicate = Organisation(name: "CAP Liberte de Conscience Paris", acronym: "CAP-P")
        try office.store.insert(duplicate)
        try office.store.mergeOrganisation(duplicate.id, into: office.cap.id)
        // In update, the duplicate's old acronym and another country replaced the kept organisation's.
        let report = try office.run(
            """
            Organisation,Acronym,Country,iCSO profile number,Consent
            CAP Liberte de Conscience Paris,CAP-P,Belgium,70012,yes

            """
        ) { $0.mode = .update }
        #expect(report.matched + report.updated == 1 && report.created == 0)
        let kept = try #require(try office.store.organisation(office.cap.id))
        #expect(kept.acronym == "CAP" && kept.country?.code == "FR")
        #expect(kept.icsoNumber?.digits == "70012")
    }

    @Test func signingAgainAfterAWithdrawalIsNamed() throws {
        let office = try Office()
        _ = try office.store.record(
            .signed,
            by: office.cap.id,
            on: office.statement,
            contact: nil,
            consent: true,
            source: .coordinator
        )
        _ = try office.store.record(
            .withdrawn,
            by: office.cap.id,
            on: office.statement,
            contact: nil,
            consent: true,
            source: .coordinator
        )
        let csv = "Organisation,Country,Consent\nCAP Liberté de Conscience,FR,yes\n"
        #expect(try office.run(csv).signedAgain.isEmpty)
        let report = try office.run(csv) { $0.mode = .update }
        #expect(report.signedAgain == ["CAP Liberté de Conscience (CAP) (had withdrawn)"])
        #expect(
            report.description.contains("Signed again after withdrawing or declining: CAP Liberté de Conscience (CAP)")
        )
    }

    @Test func aDryRunReportsWithoutWriting() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        let csv = "Organisation,Country\nNew One,KE\nCAP Liberté de Conscience,FR\n"
        let report = try office.run(csv) { $0.dryRun = true }
        #expect(report.dryRun && report.created == 1 && report.matched == 1)
        #expect(report.description.contains("'Organisation' → organisation, 'Country' → country"))
        #expect(report.description.contains("Line 2: New One: created, signed"))
        #expect(
            report.description.contains(
                "Line 3: CAP Liberté de Conscience: matched CAP Liberté de Conscience (CAP) by name and country, signed"
            )
        )
        #expect(try office.store.canonicalDump() == before)
        // A dry run of a file with a bad row still reports every row.
        let bad = try office.run(csv + ",KE\n") { $0.dryRun = true }
        #expect(bad.rejected.map(\.line) == [4] && bad.rows.count == 3)
        #expect(bad.description.contains("Line 4: (no name): rejected: the organisation's name is empty"))
        #expect(try office.store.canonicalDump() == before)
    }

    @Test func unusualHeadersAreMappedAndMalformedFilesRefused() throws {
        let office = try Office()
        let before = try office.store.canonicalDump()
        #expect(throws: SignerImportError.self) { try office.run("Group,Land\nNew One,KE\n") }
        #expect(throws: SignerImportError.self) { try office.run("Organisation\n\"never closed\n") }
        #expect(throws: SignerImportError.self) {
            try office.run("Group\nX\n") { $0.map = ["Missing header": .organisation] }
        }
        #expect(try office.store.canonicalDump() == before)
        let report = try office.run("Group,Land\nNew One,KE\n") { $0.map = ["group": .organisation, "LAND": .country] }
        #expect(report.created == 1 && report.ignoredColumns.isEmpty)
    }

    @Test func aStatementThatIsNotOpenTakesNoSignatures() throws {
        let office = try Office()
        var statement = office.statement
        statement.status = .closed
        try office.store.update(statement)
        let before = try office.store.canonicalDump()
        #expect(throws: DomainError.self) { try office.run("Organisation\nNew One\n") }
        #expect(try office.store.canonicalDump() == before)
    }
}
