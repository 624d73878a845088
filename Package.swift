// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Signatory",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "signatory", targets: ["SignatoryCLI"]),
        .executable(name: "SignatoryBench", targets: ["SignatoryBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Without its default traits: the hub needs neither swift-configuration nor full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Debian's libsqlite3 (libsqlite3-dev), reached through its C API.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Value types and rules. No I/O.
        .target(
            name: "SignatoryDomain",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Thin SQLite wrapper, migrations and the record stores.
        .target(
            name: "SignatoryStore",
            dependencies: ["SignatoryDomain", "CSQLite"]
        ),
        // Signed bundles of changes between offices: export, verified import, status, age encryption.
        .target(
            name: "SignatoryBundles",
            dependencies: ["SignatoryDomain", "SignatoryStore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Rendering of statements and contact sheets.
        .target(
            name: "SignatoryExport",
            dependencies: ["SignatoryDomain", "SignatoryStore"]
        ),
        // Co-signers from a sign-on form's CSV export: matched, checked, imported in one transaction.
        .target(
            name: "SignatoryImport",
            dependencies: ["SignatoryDomain", "SignatoryStore"]
        ),
        // The hub: an HTTP server (Hummingbird) over the store and the sync engine.
        .target(
            name: "SignatoryHub",
            dependencies: [
                "SignatoryDomain", "SignatoryStore", "SignatoryBundles", "SignatoryExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `signatory ui`: the coordinator's web app over the office's own database, on loopback.
        .target(
            name: "SignatoryWeb",
            dependencies: [
                "SignatoryDomain", "SignatoryStore", "SignatoryBundles", "SignatoryExport", "SignatoryImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // An office's side of the hub: signed requests over HTTPS (AsyncHTTPClient), push, paged pull.
        .target(
            name: "SignatoryHubClient",
            dependencies: [
                "SignatoryDomain", "SignatoryStore", "SignatoryBundles",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The `signatory` command.
        .executableTarget(
            name: "SignatoryCLI",
            dependencies: [
                "SignatoryDomain", "SignatoryStore", "SignatoryBundles", "SignatoryExport", "SignatoryImport",
                "SignatoryHub", "SignatoryHubClient", "SignatoryWeb",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // `Scripts/bench`: figures beside raw SQLite baselines measured in the same run.
        .executableTarget(
            name: "SignatoryBench",
            dependencies: [
                "SignatoryDomain", "SignatoryStore", "SignatoryBundles", "SignatoryHubClient", "SignatoryExport",
                "SignatoryWeb", "CSQLite",
            ]
        ),
        // `Scripts/fuzz`: libFuzzer over the bundle and request parsers; a corpus replayer otherwise.
        .executableTarget(name: "SignatoryFuzz", dependencies: ["SignatoryDomain", "SignatoryBundles"]),
        // Helpers shared by the test targets: temporary folders, running the built executable.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Records most store-level tests start from.
        .target(
            name: "StoreTestSupport",
            dependencies: ["SignatoryStore", "SignatoryDomain"],
            path: "Tests/StoreTestSupport"
        ),
        .testTarget(
            name: "SignatoryDomainTests",
            dependencies: ["SignatoryDomain", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "SignatoryStoreTests",
            dependencies: ["SignatoryStore", "SignatoryDomain", "CSQLite", "TestSupport", "StoreTestSupport"]
        ),
        .testTarget(
            name: "SignatoryBundlesTests",
            dependencies: ["SignatoryBundles", "SignatoryStore", "SignatoryDomain", "TestSupport", "StoreTestSupport"]
        ),
        .testTarget(
            name: "SignatoryExportTests",
            dependencies: [
                "SignatoryExport", "SignatoryBundles", "SignatoryStore", "SignatoryDomain", "TestSupport",
                "StoreTestSupport",
            ]
        ),
        .testTarget(
            name: "SignatoryImportTests",
            dependencies: ["SignatoryImport", "SignatoryStore", "SignatoryDomain", "TestSupport", "StoreTestSupport"]
        ),
        // The hub's routes in process, through Hummingbird's router test client.
        .testTarget(
            name: "SignatoryHubTests",
            dependencies: [
                "SignatoryHub", "SignatoryBundles", "SignatoryExport", "SignatoryStore", "SignatoryDomain",
                "TestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The web app on a real loopback port: sessions, CSRF, origins, pages.
        .testTarget(
            name: "SignatoryWebTests",
            dependencies: [
                "SignatoryWeb", "SignatoryStore", "SignatoryDomain", "TestSupport", "StoreTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "SignatoryCLITests",
            dependencies: [
                "SignatoryCLI", "SignatoryDomain", "SignatoryStore", "SignatoryBundles", "SignatoryHub", "TestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The checks swift-nio and Hummingbird build with: explicit `any`, imports that are internal
// unless declared otherwise, and members visible only through a module the file imports.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
