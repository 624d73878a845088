import Foundation
import SignatoryBundles
import SignatoryDomain

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Signed HTTP requests from one office to a hub, retried when the network or the hub fails.
struct HubConnection: Sendable {
    let base: URL
    let office: ID<Office>
    let keys: OfficeKeys
    /// Tries per request; waits double from half a second between them.
    let attempts: Int
    let session: URLSession

    init(base: URL, office: ID<Office>, keys: OfficeKeys, attempts: Int = 5) {
        self.base = base
        self.office = office
        self.keys = keys
        self.attempts = attempts
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 600
        self.session = URLSession(configuration: configuration)
    }

    /// Sends a signed request and returns the body and headers of a 2xx answer.
    func send(
        _ method: String,
        _ target: String,
        body: Data = Data(),
        contentType: String? = nil
    ) async throws -> (Data, HTTPURLResponse) {
        guard let url = URL(string: target, relativeTo: self.base) else {
            throw HubClientError.badURL(self.base.absoluteString + target)
        }
        var delay: UInt64 = 500_000_000
        for attempt in 1...self.attempts {
            var request = URLRequest(url: url)
            request.httpMethod = method
            if !body.isEmpty { request.httpBody = body }
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
            // Signed afresh on each try, so a retry after a long wait is not stale.
            for (name, value) in try RequestSignature.headers(
                method: method,
                target: target,
                bodyDigest: RequestSignature.digest(body),
                office: self.office,
                keys: self.keys
            ) {
                request.setValue(value, forHTTPHeaderField: name)
            }
            let retryable: HubClientError
            do {
                let (data, response) = try await self.session.data(for: request)
                guard let http = response as? HTTPURLResponse else {
                    throw HubClientError.unexpected("not an HTTP answer")
                }
                if (200..<300).contains(http.statusCode) { return (data, http) }
                let error = Self.refusal(http.statusCode, data)
                // The hub's own failures and overload pass; refusals of the request do not.
                guard http.statusCode >= 500 || http.statusCode == 429 else { throw error }
                retryable = error
            } catch let error as URLError {
                retryable = HubClientError.unreachable(self.base.absoluteString, error.localizedDescription)
            }
            if attempt == self.attempts { throw retryable }
            try await Task.sleep(nanoseconds: delay)
            delay *= 2
        }
        throw HubClientError.unreachable(self.base.absoluteString, "no attempt was made")
    }

    private static func refusal(_ status: Int, _ data: Data) -> HubClientError {
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return HubClientError.refused(
            status: status,
            code: object?["code"] as? String ?? "error",
            message: object?["message"] as? String ?? String(decoding: data.prefix(200), as: UTF8.self)
        )
    }
}
