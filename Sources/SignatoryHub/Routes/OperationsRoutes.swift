import Foundation
import Hummingbird

/// `/health` and `/openapi.json`, open to anybody: they say nothing about the data.
struct OperationsRoutes {
    func register(in table: RouteTable) {
        table.open(.get, "/health") { _, _ in try Reply.json(["status": "ok"]) }
        table.open(.get, "/openapi.json") { _, _ in
            Reply.bytes(Array(OpenAPIDocument.json.utf8), contentType: "application/json; charset=utf-8")
        }
    }
}
