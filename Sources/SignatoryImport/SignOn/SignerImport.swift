import Foundation
import SignatoryDomain
import SignatoryStore

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

    public init(statement: ID<JointStatement>) {
        self.statement = statement
    }

    /// Imports the file's rows, or throws ``SignerImportError`` and writes nothing.
    public func run(csv bytes: [UInt8], store: Store) throws -> SignerImportReport {
        let records = try CSVReader.records(in: bytes)
        guard let header = records.first else { throw SignerImportError.empty }
        let columns = try SignOnColumns(header: header.fields, map: self.map)
        guard let statement = try store.statement(self.statement) else {
            throw StoreError.notFound("statement", reference: self.statement.description)
        }
        try Signature.check(.signed, on: statement.status)
        var report = SignerImportReport()
        report.ignoredColumns = columns.ignored
        report.dryRun = self.dryRun
        let countries = CountryNames()
        do {
            try store.transaction {
                var index = try OrganisationIndex(store: store)
                let rows = SignOnRows(statement: statement, mode: self.mode, store: store)
                for record in records.dropFirst() {
                    do {
                        let row = try SignOnRow(record, columns: columns, countries: countries)
                        // Each row in a savepoint of its own, so a refused row leaves nothing behind.
                        let applied = try store.savepoint { try rows.apply(row, index: index) }
                        applied.record(in: &index, report: &report)
                    } catch let rejection as RowRejection {
                        report.rejected.append(.init(line: record.line, reason: rejection.description))
                    } catch let error as DomainError {
                        report.rejected.append(.init(line: record.line, reason: error.description))
                    } catch let error as StoreError {
                        report.rejected.append(.init(line: record.line, reason: error.description))
                    }
                }
                if !report.rejected.isEmpty && !self.skipBadRows { throw SignerImportError.rejectedRows(report) }
                if self.dryRun { throw DryRunEnded() }
            }
        } catch is DryRunEnded {
            return report
        }
        return report
    }
}

/// Thrown to roll a dry run's transaction back.
private struct DryRunEnded: Error {}
