import Foundation
public import SignatoryDomain
public import SignatoryStore

/// Imports co-signers from a sign-on form's CSV export into one statement, in one transaction.
///
/// ```swift
/// var signOn = SignerImport(statement: statement.id)
/// signOn.mode = .fill
/// let report = try signOn.run(csv: Array(try Data(contentsOf: url)), store: store)
/// print(report)   // "2 created, 1 matched, 0 updated, 0 rejected; …"
/// ```
public struct SignerImport: Sendable {
    /// What to do with the fields of an organisation or contact that already exists.
    public enum Mode: String, Sendable, CaseIterable {
        /// Leave them as they are.
        case skip
        /// Replace them with the file's non-empty values.
        case update
        /// Set only the ones that are empty.
        case fill
    }

    public var statement: ID<JointStatement>
    public var mode: Mode = .skip
    /// Work everything out and report it, but write nothing.
    public var dryRun = false
    /// Import the good rows of a file that has bad ones, instead of refusing it.
    public var skipBadRows = false
    /// Headers the user named a field for.
    public var map: [String: SignOnField] = [:]
    /// Refuse a row for any value that cannot be read, instead of leaving an optional one empty.
    public var strict = false
    /// The consent of rows that give none (no consent column, or a blank cell). A file without
    /// a consent column is refused unless this is set: consent is never assumed.
    public var consent: Bool?

    public init(statement: ID<JointStatement>) {
        self.statement = statement
    }

    /// Imports the file's rows, or throws ``SignerImportError`` and writes nothing.
    ///
    /// - Parameter progress: told how many rows were done, of how many, every 500 rows.
    public func run(
        csv bytes: [UInt8],
        store: Store,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> SignerImportReport {
        try store.refuseIfSucceeded()
        let records = try CSVReader.records(in: bytes)
        guard let header = records.first else { throw SignerImportError.empty }
        let columns = try SignOnColumns(header: header.fields, map: self.map)
        guard columns.has(.consent) || self.consent != nil else {
            throw SignerImportError.noConsentColumn(found: header.fields)
        }
        guard let statement = try store.statement(self.statement) else {
            throw StoreError.notFound("statement", reference: self.statement.description)
        }
        try Signature.check(.signed, on: statement.status)
        var report = SignerImportReport()
        report.ignoredColumns = columns.ignored
        report.columns = columns.mapping
        report.dryRun = self.dryRun
        let rows = SignOnRows(statement: statement, mode: self.mode, store: store)
        let reading = ImportPass.Reading(strict: self.strict, consent: self.consent)
        func pass(rowByRow: Bool) throws -> SignerImportReport {
            try self.write(
                records.dropFirst(),
                with: rows,
                columns: columns,
                reading: reading,
                report: report,
                rowByRow: rowByRow,
                progress: progress
            )
        }
        do {
            return try pass(rowByRow: false)
        } catch is ImportPass.RowRefusedWhileWriting {
            return try pass(rowByRow: true)
        }
    }

    /// Imports the rows in one transaction. Without `rowByRow`, a row refused after some of its
    /// writes ends the pass, to be run again row by row.
    private func write(
        _ records: ArraySlice<CSVReader.Record>,
        with rows: SignOnRows,
        columns: SignOnColumns,
        reading: ImportPass.Reading,
        report: SignerImportReport,
        rowByRow: Bool,
        progress: (Int, Int) -> Void
    ) throws -> SignerImportReport {
        var report = report
        do {
            // A savepoint, not a transaction: a dry run or a refusal undoes its writes also when
            // the caller (a page of the web app) reads in a transaction of its own.
            try rows.store.savepoint {
                var pass = ImportPass(
                    rows: rows,
                    columns: columns,
                    reading: reading,
                    index: try OrganisationIndex(store: rows.store),
                    report: report
                )
                try rows.store.findingDuplicatesOnce {
                    for (done, record) in records.enumerated() {
                        try pass.apply(record, rowByRow: rowByRow)
                        if (done + 1) % 500 == 0 || done + 1 == records.count { progress(done + 1, records.count) }
                    }
                }
                // Not matched, yet like one held (e.g. the same acronym in another country), or
                // given another's acronym or number by `--mode update`: say so.
                // The line named is the last that set what the pair is found by.
                let written = pass.report.createdOn.merging(pass.report.updatedOn) { _, updated in updated }
                for pair in try rows.store.duplicatePairs(among: Set(written.keys)) {
                    for (own, other) in [(pair.first, pair.second), (pair.second, pair.first)] {
                        guard let line = written[own] else { continue }
                        let name = try rows.store.organisation(other)?.displayName ?? other.description
                        let how = pass.report.updatedOn[own] == nil ? "created" : "updated"
                        pass.report.warnings.append(
                            .init(
                                line: line,
                                text: "the organisation \(how) looks like \(name): \(pair.reason); "
                                    + "`org merge` merges them if it is"
                            )
                        )
                    }
                }
                report = pass.report
                // A dry run reports every row, the rejected ones included, and writes nothing anyway.
                if !report.rejected.isEmpty && !self.skipBadRows && !self.dryRun {
                    throw SignerImportError.rejectedRows(report)
                }
                if self.dryRun { throw DryRunEnded() }
            }
        } catch is DryRunEnded {
            return report
        }
        return report
    }
}

/// The rows imported so far: the organisations they matched or created, and the report.
///
/// A row is checked before anything is written for it, so a refused row usually leaves
/// nothing to undo. A row refused later, while writing, needs its own savepoint; savepoints
/// cost a copy of every database page a row touches, so they are used only on a second pass,
/// when the first one met such a row.
private struct ImportPass {
    struct RowRefusedWhileWriting: Error {}

    /// How values are read: strictly or not, and the consent of rows without an answer.
    struct Reading {
        let strict: Bool
        let consent: Bool?
    }

    let rows: SignOnRows
    let columns: SignOnColumns
    let reading: Reading
    let countries = CountryNames()
    var index: OrganisationIndex
    var contacts = ContactIndex()
    var report: SignerImportReport

    mutating func apply(_ record: CSVReader.Record, rowByRow: Bool) throws {
        let row: SignOnRow
        do {
            row = try SignOnRow(
                record,
                columns: self.columns,
                countries: self.countries,
                strict: self.reading.strict,
                consent: self.reading.consent
            )
        } catch {
            try self.reject(record, error)
            return
        }
        guard rowByRow else {
            do {
                return try self.rows.apply(row, index: self.index, contacts: &self.contacts).record(
                    in: &self.index,
                    contacts: &self.contacts,
                    report: &self.report
                )
            } catch let error where ImportPass.rejection(error) != nil {
                throw RowRefusedWhileWriting()
            }
        }
        do {
            let applied = try self.rows.store.savepoint {
                try self.rows.apply(row, index: self.index, contacts: &self.contacts)
            }
            applied.record(in: &self.index, contacts: &self.contacts, report: &self.report)
        } catch {
            try self.reject(record, error)
        }
    }

    /// Lists a refused row in the report, or rethrows a failure that ends the whole import.
    private mutating func reject(_ record: CSVReader.Record, _ error: any Error) throws {
        guard let reason = ImportPass.rejection(error) else { throw error }
        self.report.rejected.append(.init(line: record.line, reason: reason))
        let name = self.columns.value(.organisation, in: record.fields) ?? "(no name)"
        self.report.rows.append(.init(line: record.line, organisation: name, outcome: "rejected: \(reason)"))
    }

    private static func rejection(_ error: any Error) -> String? {
        switch error {
        case let rejection as RowRejection: return rejection.description
        case let error as DomainError: return error.description
        case let error as StoreError: return error.description
        case let error as SQLiteError where error.isConstraintViolation:
            return "the database refused the row: \(error.message)"
        default: return nil
        }
    }
}

/// Thrown to roll a dry run's transaction back.
private struct DryRunEnded: Error {}
