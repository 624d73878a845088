import Foundation
import TestSupport
import Testing

/// A hub over HTTPS with a coalition's own certificate authority, made in the test by OpenSSL.
struct HubTLSTests {
    /// A certificate authority and a hub certificate it signed for 127.0.0.1 and localhost.
    struct Authority {
        let folder: TemporaryDirectory
        var certificate: String { self.folder.path("ca.pem") }
        var hubCertificate: String { self.folder.path("hub.crt") }
        var hubKey: String { self.folder.path("hub.key") }
        /// A certificate the authority signed for another host name, with the hub's key.
        var otherAddressCertificate: String { self.folder.path("other.crt") }

        init(name: String) throws {
            self.folder = try TemporaryDirectory()
            let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
            try Self.openssl(
                ["req", "-x509"] + key + [
                    "-keyout", self.folder.path("ca.key"), "-out", self.certificate, "-days", "2", "-subj",
                    "/CN=\(name)", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                    "keyUsage=critical,keyCertSign",
                ]
            )
            try Self.openssl(
                ["req"] + key + ["-keyout", self.hubKey, "-out", self.folder.path("hub.csr"), "-subj", "/CN=hub"]
            )
            let extensions = self.folder.path("hub.ext")
            try "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                .write(toFile: extensions, atomically: true, encoding: .utf8)
            try Self.openssl([
                "x509", "-req", "-in", self.folder.path("hub.csr"), "-CA", self.certificate, "-CAkey",
                self.folder.path("ca.key"), "-set_serial", "1", "-days", "2", "-out", self.hubCertificate,
                "-extfile", extensions,
            ])
            let other = self.folder.path("other.ext")
            try "subjectAltName=DNS:hub.example.org\n".write(toFile: other, atomically: true, encoding: .utf8)
            try Self.openssl([
                "x509", "-req", "-in", self.folder.path("hub.csr"), "-CA", self.certificate, "-CAkey",
                self.folder.path("ca.key"), "-set_serial", "2", "-days", "2", "-out", self.otherAddressCertificate,
                "-extfile", other,
            ])
        }

        static func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " ")) failed")
        }
    }

    @Test func officesSyncOverHTTPSVouchedForByTheCoalitionsAuthority() throws {
        let authority = try Authority(name: "Coalition test authority")
        let fixture = try HubFixture(
            offices: ["Geneva", "Bucharest"],
            hubArguments: ["--tls-cert", authority.hubCertificate, "--tls-key", authority.hubKey]
        )
        #expect(fixture.url.hasPrefix("https://127.0.0.1:"))
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        _ = try geneva.addReferenceStatement()
        for office in [geneva, bucharest, geneva] {
            try office.succeed(["sync", "now", "--hub", fixture.url, "--hub-ca", authority.certificate])
        }
        #expect(try geneva.succeed(["sync", "dump"]) == (try bucharest.succeed(["sync", "dump"])))
        #expect(try bucharest.succeed(["org", "list"]).contains("Doctors Against Forced Organ Harvesting"))
    }

    @Test func aHubNoTrustedAuthorityVouchesForIsRefusedBeforeAnythingIsSent() throws {
        let authority = try Authority(name: "Coalition test authority")
        let stranger = try Authority(name: "Some other authority")
        let fixture = try HubFixture(
            offices: ["Geneva"],
            hubArguments: ["--tls-cert", authority.hubCertificate, "--tls-key", authority.hubKey]
        )
        let geneva = fixture.offices[0]
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        let before = try fixture.hubDump()
        // Another authority, and the system's roots, do not know this hub's certificate.
        for extra in [["--hub-ca", stranger.certificate], []] {
            let message = try geneva.refuse(["sync", "now", "--hub", fixture.url] + extra)
            #expect(message.contains("did not prove who it is: no trusted authority vouches"), "\(message)")
        }
        #expect(try fixture.hubDump() == before)
        let missing = try geneva.refuse([
            "sync", "push", "--hub", fixture.url, "--hub-ca", geneva.folder.path("no-such-ca.pem"),
        ])
        #expect(missing.contains("certificate authority file"))
        // Plain HTTP to an HTTPS hub gets no answer it could take for the hub's.
        let plain = try geneva.refuse([
            "sync", "push", "--hub", fixture.url.replacingOccurrences(of: "https", with: "http"),
        ])
        #expect(plain.contains("hub"))
        #expect(try fixture.hubDump() == before)

        // The coalition's authority vouches for this certificate, but for another host.
        fixture.hub?.stop()
        try fixture.start(["--tls-cert", authority.otherAddressCertificate, "--tls-key", authority.hubKey])
        let elsewhere = try geneva.refuse(["sync", "now", "--hub", fixture.url, "--hub-ca", authority.certificate])
        #expect(elsewhere.contains("its certificate is for another address"), "\(elsewhere)")
        #expect(try fixture.hubDump() == before)
    }

    @Test func plainHTTPToAnotherComputerNeedsAnExplicitChoice() throws {
        let office = try OfficeFixture()
        for address in ["http://hub.example.org:8080", "http://192.0.2.10:8080", "http://127.0.0.1.example.org"] {
            let message = try office.refuse(["sync", "now", "--hub", address])
            #expect(message.contains("plain HTTP") && message.contains("--insecure"), "\(message)")
        }
        // A remembered plain address is refused the same way when it is used.
        try office.succeed(["hub", "remote", "set", "http://hub.example.org:8080"])
        #expect(try office.refuse(["sync", "pull"]).contains("plain HTTP"))
    }

    @Test func serveRefusesIncompleteOrUnreadableTLSFiles() throws {
        let folder = try TemporaryDirectory()
        let hub = folder.path("hub.db")
        _ = try SignatoryExecutable.run(["init", "--office", "Coalition hub", "--db", hub])
        let (first, second) = (try Authority(name: "First"), try Authority(name: "Second"))
        let pem = folder.path("not-a-certificate.pem")
        try "hello".write(toFile: pem, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--tls-cert", pem], "both files"),
            (["--tls-key", pem], "both files"),
            (["--tls-cert", pem, "--tls-key", pem], "cannot serve HTTPS with"),
            (["--tls-cert", folder.path("missing.crt"), "--tls-key", pem], "cannot serve HTTPS with"),
            (["--tls-cert", first.hubCertificate, "--tls-key", second.hubKey], "is not the key of the certificate"),
        ]
        for (arguments, expected) in cases {
            let result = try SignatoryExecutable.run(["serve", "--db", hub, "--port", "0"] + arguments)
            #expect(result.status != 0 && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
    }
}
