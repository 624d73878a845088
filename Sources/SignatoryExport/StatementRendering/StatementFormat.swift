/// The formats a statement with its signatory block renders in.
public enum StatementFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case html

    public func render(_ block: StatementRendition) -> String {
        switch self {
        case .text: return TextStatementRenderer().render(block)
        case .markdown: return MarkdownStatementRenderer().render(block)
        case .html: return HTMLStatementRenderer().render(block)
        }
    }

    /// The media type to serve the rendering with.
    public var mediaType: String {
        switch self {
        case .text: return "text/plain; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        }
    }
}
