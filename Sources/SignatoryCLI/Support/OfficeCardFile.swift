import ArgumentParser
import Foundation
import SignatoryDomain

/// Reading a card that `signatory office card` printed.
enum OfficeCardFile {
    static func read(_ path: String) throws -> SignatoryDomain.OfficeCard {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read the card \(path); check the path.")
        }
        guard let card = try? JSONDecoder().decode(SignatoryDomain.OfficeCard.self, from: data), card.hasValidKey else {
            throw ValidationError(
                "\(path) is not an office card; make one with `signatory office card > FILE` at that office."
            )
        }
        return card
    }
}
