import Foundation

/// An ISO 3166-1 alpha-2 country code, upper-case.
///
/// ```swift
/// let swiss = try CountryCode("ch")   // "CH"
/// _ = try CountryCode("XX")           // throws DomainError.invalidCountry
/// ```
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ text: String) throws(DomainError) {
        let code = text.trimmedSpaces.uppercased()
        guard CountryCode.assigned.contains(code) else { throw .invalidCountry(text) }
        self.code = code
    }

    public var description: String { self.code }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.code < rhs.code }

    /// Every officially assigned code, in alphabetical order.
    public static var allAssigned: [CountryCode] { CountryCode.assigned.sorted().map { CountryCode(checked: $0) } }

    private init(checked code: String) {
        self.code = code
    }

    /// The 249 officially assigned codes.
    static let assigned: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
        BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
        DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS \
        GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN \
        KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
        MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM \
        PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
        SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI \
        VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init)
    )
}
