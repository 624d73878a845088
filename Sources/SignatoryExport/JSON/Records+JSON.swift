public import SignatoryDomain

// The JSON forms of the records, as `--json` prints them and the README documents them.

extension Organisation {
    public var json: JSONRecord {
        JSONRecord([
            "id": self.id.description, "name": self.name, "acronym": self.acronym,
            "country": self.country?.code, "website": self.website?.url, "ecosoc": self.ecosoc.rawValue,
            "ecosocYear": self.ecosocYear, "standing": self.standing.rawValue, "icsoNumber": self.icsoNumber?.digits,
            "notes": self.notes,
        ])
    }
}

extension ContactPerson {
    public var json: JSONRecord {
        JSONRecord([
            "id": self.id.description, "organisationId": self.organisationID.description, "fullName": self.fullName,
            "title": self.title, "email": self.email?.address, "phone": self.phone?.e164,
            "language": self.preferredLanguage?.tag, "atRisk": self.atRisk, "consentToPublish": self.consentToPublish,
        ])
    }
}

extension Campaign {
    public var json: JSONRecord {
        JSONRecord([
            "id": self.id.description, "name": self.name, "description": self.description,
            "startDate": self.startDate?.description, "endDate": self.endDate?.description,
            "status": self.status.rawValue,
        ])
    }
}

extension JointStatement {
    public var json: JSONRecord {
        JSONRecord([
            "id": self.id.description, "campaignId": self.campaignID.description, "title": self.title,
            "body": self.body, "language": self.language.tag,
            "leadOrganisationId": self.leadOrganisationID?.description,
            "status": self.status.rawValue, "textHash": self.textHash.hex,
        ])
    }
}

extension Publication {
    /// The record of a publication: date, place, occasion, wording and the block's lines.
    public var json: JSONRecord {
        func line(_ line: Line) -> JSONRecord {
            JSONRecord([
                "organisation": line.organisation?.description, "country": line.country, "name": line.name,
                "status": line.status, "contact": line.contact?.description, "contactName": line.contactName,
                "contactTitle": line.contactTitle,
            ])
        }
        return JSONRecord([
            "date": self.date.description, "place": self.place, "occasion": self.occasion,
            "textHash": self.textHash.hex, "lead": self.lead.map(line), "cosigners": self.cosigners.map(line),
        ])
    }
}

extension StatementText {
    public var json: JSONRecord {
        JSONRecord(["hash": self.hash.hex, "title": self.title, "recordedAt": self.recordedAt.iso8601])
    }
}

extension Signature {
    /// - Parameter currentText: the statement's current wording, to say whether this signature is on it.
    public func json(organisation: Organisation?, currentText: TextHash?) -> JSONRecord {
        JSONRecord([
            "id": self.id.description, "statementId": self.statementID.description,
            "organisationId": self.organisationID.description, "organisationName": organisation?.name,
            "contactId": self.contactID?.description, "status": self.status.rawValue, "textHash": self.textHash?.hex,
            "onCurrentText": self.textHash.map { $0 == currentText }, "consentToPublish": self.consentToPublish,
            "recordedAt": self.recordedAt.iso8601, "source": self.source.rawValue,
        ])
    }
}

extension Conflict {
    /// `officeNames` names the offices that wrote each value, where known.
    public func json(
        recordName: String,
        statementTitle: String? = nil,
        officeNames: [SignatoryDomain.ID<Office>: String] = [:]
    ) -> JSONRecord {
        JSONRecord([
            "id": self.id.description, "record": self.record.rawValue, "recordId": self.recordID,
            "recordName": recordName, "statementTitle": statementTitle,
            "field": self.field, "rule": self.rule,
            "kept": self.winner.value, "keptBy": self.winner.timestamp.office.description,
            "keptByName": officeNames[self.winner.timestamp.office], "keptAt": self.winner.timestamp.date.iso8601,
            "other": self.loser.value, "otherBy": self.loser.timestamp.office.description,
            "otherByName": officeNames[self.loser.timestamp.office], "otherAt": self.loser.timestamp.date.iso8601,
        ])
    }
}
