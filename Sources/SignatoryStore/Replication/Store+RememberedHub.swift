extension Store {
    private static let hubSetting = "hub.address"

    /// The hub address that `signatory hub remote set` remembered, used when a sync command is
    /// given no `--hub`.
    ///
    /// ```swift
    /// try store.rememberHub("https://hub.example.org")
    /// try store.rememberedHub()   // "https://hub.example.org"
    /// ```
    public func rememberedHub() throws -> String? {
        try self.setting(Self.hubSetting)
    }

    /// Remembers `address` (checked by the caller), or forgets the remembered one when `nil`.
    public func rememberHub(_ address: String?) throws {
        try self.refuseIfSucceeded()
        guard let address else {
            return try self.database.prepare("DELETE FROM setting WHERE key = ?").run(Self.hubSetting)
        }
        try self.setSetting(Self.hubSetting, to: address)
    }
}
