import SignatoryDomain
import SignatoryImport
import SignatoryStore

/// `/statements/ID/import`: the upload form, a dry run's preview, and the import's result,
/// from the same ``SignerImport`` as `signatory import signers`.
struct ImportPage {
    let text: WebText
    let statement: ID<JointStatement>

    func form(_ store: Store) throws -> (title: String, context: [String: Any]) {
        let statement = try self.requireStatement(store)
        return (
            self.text["importSignOn"], ["statementID": statement.id.description, "statementTitle": statement.title]
        )
    }

    /// Runs the import (a dry run when `dryRun`); the preview offers `upload` for confirmation
    /// when the import would go through.
    func run(
        _ bytes: [UInt8],
        options: ImportOptions,
        dryRun: Bool,
        in store: Store
    ) throws -> (report: SignerImportReport, title: String, context: [String: Any]) {
        let statement = try self.requireStatement(store)
        var signOn = SignerImport(statement: statement.id)
        signOn.mode = options.mode
        signOn.consent = options.consent
        signOn.strict = options.strict
        signOn.skipBadRows = options.skipBadRows
        signOn.dryRun = dryRun
        let report = try signOn.run(csv: bytes, store: store)
        let summary = self.text.format(
            "importSummary",
            report.created,
            report.matched,
            report.updated,
            report.rejected.count,
            report.contactsAdded,
            report.signaturesRecorded
        )
        let warnings =
            report.signedAgain.map { self.text["signedAgain"] + " " + $0 }
            + report.warnings.map { self.text.format("warningOnLine", $0.line, $0.text) }
        var context: [String: Any] = [
            "statementID": statement.id.description, "statementTitle": statement.title,
            "heading": dryRun ? self.text["importPreview"] : self.text["importDone"], "summary": summary,
            "columns": report.columns.map { column -> [String: Any] in
                ["header": column.header, "field": column.field?.rawValue ?? self.text["notRead"]]
            },
            "rows": report.rows.map { row -> [String: Any] in
                [
                    "line": row.line, "organisation": row.organisation, "outcome": row.outcome,
                    "kind": row.outcome.hasPrefix("rejected") ? "rejected" : "accepted",
                ]
            },
            "warnings": warnings, "hasWarnings": !warnings.isEmpty,
        ]
        if !dryRun { context["done"] = true }
        if dryRun, !report.rejected.isEmpty, !options.skipBadRows {
            context["blocked"] = self.text.format("importBlocked", report.rejected.count)
        }
        return (report, context["heading"] as? String ?? "", context)
    }

    private func requireStatement(_ store: Store) throws -> JointStatement {
        guard let statement = try store.statement(self.statement) else {
            throw WebError.notFound(self.text["statement"])
        }
        return statement
    }
}
