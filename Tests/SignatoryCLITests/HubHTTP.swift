import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryStore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Raw requests to a hub, signed as an office would sign them or deliberately not.
struct HubHTTP {
    struct Signer {
        let office: ID<Office>
        let keys: OfficeKeys

        /// The identity stored in an office's database.
        static func office(at database: String) throws -> Signer {
            let store = try Store.open(at: database)
            return Signer(office: store.office.id, keys: try store.officeKeys())
        }
    }

    struct Answer {
        let status: Int
        let body: Data
        let headers: [String: String]

        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: self.body)) as? [String: Any] }
        var code: String? { self.json?["code"] as? String }
        var array: [[String: Any]]? { (try? JSONSerialization.jsonObject(with: self.body)) as? [[String: Any]] }
    }

    let base: String

    /// - Parameter signing: the body the signature vouches for, when it is not `body`.
    func send(
        _ method: String,
        _ target: String,
        body: Data = Data(),
        signing: Data? = nil,
        as signer: Signer?
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: self.base + target)!)
        request.httpMethod = method
        if !body.isEmpty { request.httpBody = body }
        if let signer {
            for (name, value) in try RequestSignature.headers(
                method: method,
                target: target,
                bodyDigest: RequestSignature.digest(signing ?? body),
                office: signer.office,
                keys: signer.keys
            ) {
                request.setValue(value, forHTTPHeaderField: name)
            }
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key).lowercased()] = String(describing: value)
        }
        return Answer(status: http.statusCode, body: data, headers: headers)
    }
}
