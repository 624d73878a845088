extension WebText {
    /// The interface in English; every key the pages use is here.
    static let english: [String: String] = [
        // Frame and navigation
        "skipToContent": "Skip to content", "mainNavigation": "Main", "campaigns": "Campaigns",
        "syncAndConflicts": "Sync and conflicts", "contactSheets": "Contact sheets", "office": "Office",
        "page": "page",
        // Campaigns
        "campaign": "Campaign", "campaignsCaption": "Campaigns, with their statements' signatures",
        "status": "Status", "statements": "Statements", "statement": "Statement",
        "bySignatureStatus": "Signatures by status", "signedByECOSOC": "Signed, by ECOSOC status",
        "noCampaigns": "No campaign yet. Start one below.", "newCampaign": "New campaign", "name": "Name",
        "description": "Description", "createCampaign": "Create campaign", "noStatements": "No statement yet.",
        "newStatement": "New statement", "title": "Title", "wording": "Wording", "language": "Language",
        "leadOrganisation": "Lead organisation", "none": "None", "createStatement": "Create statement",
        "noSignaturesYet": "no signatures yet",
        "attentionNeeded": "After syncing: %@ open conflict(s) and %@ possible duplicate pair(s) to look at.",
        // Statement
        "internalPage":
            "Internal page: it names contacts, including people at risk. Do not share or print it for partners; use Printable.",
        "wordingHash": "Wording", "addCosigner": "Add a co-signer", "importSignOn": "Import a sign-on CSV",
        "printable": "Printable", "changeStatus": "Change status", "newStatus": "New status",
        "whenPublishing": "When publishing", "date": "Date (default: today, UTC)", "place": "Place",
        "occasion": "Occasion", "confirmOlderWordings": "Publish although some co-signers signed an older wording",
        "signatoryBlock":
            "Wording and signatory block, as it will be published (as signatory statement render prints it)",
        "cosigners": "Co-signers", "search": "Search", "any": "Any", "filter": "Filter",
        "atRisk": "AT RISK", "noCosigners": "No co-signer matches.", "wordingCurrent": "current",
        "wordingOlder": "older", "yes": "yes", "no": "no",
        "olderWordingsProblem":
            "Not published: some co-signers signed an older wording. Tick the box to publish anyway, or ask them to sign the current wording.",
        "column.organisation": "Organisation", "column.country": "Country", "column.ecosoc": "ECOSOC status",
        "column.contact": "Contact", "column.status": "Status", "column.consent": "Consent to publication",
        "column.wording": "Wording signed",
        // Co-signer form
        "organisation": "Organisation", "acronym": "Acronym", "country": "Country (ISO code)",
        "icsoNumber": "iCSO number", "contactEmail": "Contact's email",
        "checkOrganisation": "Check for this organisation", "whichOrganisation": "Which organisation is it?",
        "likelyDuplicate":
            "These organisations are already held and look like the one typed. Choose one, or create a new one only if it really is another organisation.",
        "createNewOrganisation": "A new organisation, with the values typed above",
        "confirmNewOrganisation": "Yes, create a new organisation although it looks like one held",
        "confirmNewProblem":
            "Nothing was added: the organisation looks like one already held. Choose it, or tick the box to create a new one.",
        "ecosocStatus": "ECOSOC status (for a new organisation)", "contact": "Contact person",
        "contactName": "Name", "contactTitle": "Title", "contactPhone": "Phone",
        "contactAtRisk": "This person is at risk: never name them outside this office",
        "contactConsent": "This person agreed to be named", "signature": "Signature",
        "signatureConsent": "The organisation agreed to be named", "matchedBy": "matched by %@",
        "similarTo": "similar to '%@'",
        // Import
        "importExplained":
            "Columns are found by their headers (organisation, acronym, country, ECOSOC status, contact name, title, email, phone, consent), in English, Spanish, French or Portuguese. You see a preview first; nothing is written until you confirm.",
        "signOnFile": "Sign-on CSV file", "importMode": "Organisations and contacts already held",
        "modeSkip": "Leave them as they are", "modeFill": "Fill their empty fields",
        "modeUpdate": "Replace with the file's values", "defaultConsent": "Consent of rows that give none",
        "consentFromFile": "From the file's consent column",
        "strictImport": "Refuse a row for any value that cannot be read",
        "skipBadRows": "Import the good rows even if some are rejected", "preview": "Preview",
        "importPreview": "Preview: nothing written yet", "importDone": "Imported",
        "importSummary":
            "%@ created, %@ matched, %@ updated, %@ rejected; %@ contact(s) added, %@ signature(s) recorded.",
        "columnsRead": "How the columns were read", "header": "Column", "field": "Read as", "notRead": "not read",
        "rows": "Rows", "line": "Line", "outcome": "What happens", "warnings": "Warnings",
        "signedAgain": "Signed again after withdrawing or declining:", "warningOnLine": "Line %@: %@",
        "confirmImport": "Import these rows", "cancel": "Cancel", "tryAnotherFile": "Try another file",
        "backToStatement": "Back to the statement",
        "importBlocked":
            "%@ row(s) would be rejected, so the import would change nothing. Fix them in the file, or tick 'Import the good rows' and preview again.",
        // Contact sheets
        "scope": "Organisations", "show": "Show", "allOrganisations": "All organisations",
        "contactsListed": "%@ contact line(s)", "noneLeftOut": "nobody left out", "leftOut": "%@ left out: %@",
        "ExportAudience.internal": "Internal (this office)", "ExportAudience.coalition": "Coalition partners",
        "ExportAudience.public": "Public",
        "audienceExplained.internal": "Everyone, people at risk marked as such. Keep it inside this office.",
        "audienceExplained.coalition": "Leaves out contacts at risk.",
        "audienceExplained.public":
            "Only organisations that signed and agreed to be named, with the names and titles of contacts who agreed and are not at risk; never an email address or phone number.",
        "ContactOmission.at risk": "at risk",
        "ContactOmission.organisation has not consented to publication": "organisation has not agreed to be named",
        "ContactOmission.contact has not consented to publication": "contact has not agreed to be named",
        "format.csv": "CSV", "format.google-csv": "Google Contacts CSV", "format.outlook-csv": "Outlook CSV",
        "format.vcard": "vCard 4", "format.vcard3": "vCard 3", "format.markdown": "Markdown", "format.html": "HTML",
        // Sync
        "offices": "Offices", "changesHeld": "Changes held here", "notYetSent": "Changes not yet sent to it",
        "conflicts": "Conflicts", "noConflicts": "No open conflict.", "keepWhich": "Which value to keep",
        "keepThis": "Keep this:", "keepThat": "Keep that:", "typeValue": "Type a value:", "typedValue": "Value",
        "resolve": "Settle", "duplicates": "Possible duplicates", "noDuplicates": "No possible duplicate.",
        "writtenAt": "written at %@ on %@", "recordOnStatement": "%@ on '%@'", "mergeInto": "Merge %@ into %@",
        // Statuses
        "SignatureStatus.invited": "invited", "SignatureStatus.pledged": "pledged", "SignatureStatus.signed": "signed",
        "SignatureStatus.declined": "declined", "SignatureStatus.withdrawn": "withdrawn",
        "StatementStatus.draft": "draft", "StatementStatus.open": "open", "StatementStatus.closed": "closed",
        "StatementStatus.published": "published", "CampaignStatus.planning": "planning",
        "CampaignStatus.active": "active", "CampaignStatus.closed": "closed", "ECOSOCCategory.general": "general",
        "ECOSOCCategory.special": "special", "ECOSOCCategory.roster": "roster", "ECOSOCCategory.none": "none",
        // What was done
        "done.campaignCreated": "Campaign created.", "done.statementCreated": "Statement created.",
        "done.statusChanged": "Status changed.", "done.cosignerAdded": "Co-signer added.",
        "done.cosignerAddedAtRisk":
            "Co-signer added. Its contact shares a name, email address or phone number with a contact at risk, so they were marked at risk.",
        "done.conflictResolved": "Conflict settled; the decision goes to every office with the next sync.",
        "done.organisationsMerged": "Organisations merged.",
        // Errors
        "errorTitle": "Not done",
        "errorSignedOut":
            "You are not signed in. Open the address that signatory ui printed in the terminal; restart it for a new one.",
        "errorBadLoginToken":
            "This sign-in address is wrong or was used already. Restart signatory ui and open the new address it prints.",
        "errorWrongHost": "This app answers only at 127.0.0.1 or localhost.",
        "errorCrossOrigin": "Refused: the form did not come from this app's own pages. Nothing was changed.",
        "errorBadCSRFToken":
            "Refused: the form has expired or did not come from this app. Reload the page and try again; nothing was changed.",
        "errorNotFound": "Not found:", "errorTooLarge": "Refused: the upload is larger than",
        "errorNotAForm": "The request is not a form.", "errorNotAnUpload": "The request is not a file upload.",
        "errorEmptyFile": "Choose a CSV file to upload.",
        "errorImportMode": "Choose how to treat organisations already held.",
        "errorConsentChoice": "Consent is yes, no, or from the file.",
        "errorLead": "Choose the lead organisation from the list.",
        "errorChooseOrganisation": "Choose an organisation from the list, or a new one.",
        "errorUploadGone": "This preview has been imported or replaced; upload the file again.",
        "errorFormat": "Choose a format from the list.", "errorAudience": "Choose internal, coalition or public.",
        "errorKeepWhich": "Choose which value to keep.", "errorMerge": "Choose two organisations to merge.",
        "errorNoSuchPage": "There is no such page.", "errorRequest": "The request could not be read.",
        "errorInternal":
            "Something went wrong inside Signatory; nothing was changed. The terminal running signatory ui shows the details.",
    ]
}
