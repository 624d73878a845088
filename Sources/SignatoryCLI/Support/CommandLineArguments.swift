import Foundation
import SignatoryExport

/// The command line as ArgumentParser should read it.
enum CommandLineArguments {
    /// The arguments as typed, or a message naming the first that is not UTF-8 text. Swift would
    /// read its bad bytes as U+FFFD, so `inv\xFF.db` and `inv\xFE.db` would name one file.
    static func typed() -> Result<[String], ArgumentNotUTF8> {
        var arguments: [String] = []
        // A program started without even its own name (argc 0) has no arguments to read.
        for index in 1..<max(1, Int(CommandLine.argc)) {
            guard let pointer = CommandLine.unsafeArgv[index] else { break }
            guard let argument = String(validatingCString: pointer) else {
                return .failure(ArgumentNotUTF8(position: index, repaired: String(cString: pointer)))
            }
            arguments.append(argument)
        }
        return .success(arguments)
    }

    /// An argument whose bytes are not UTF-8 text.
    struct ArgumentNotUTF8: Error, CustomStringConvertible {
        let position: Int
        /// The argument with each bad byte as U+FFFD, for the message.
        let repaired: String

        var description: String {
            let shown = TerminalText.neutralised(String(self.repaired.prefix(200)), multiline: false)
            return
                "argument \(self.position) ('\(shown)') is not UTF-8 text, and Signatory reads every name, id and path as "
                + "UTF-8; rename the file, or type the argument again, in UTF-8"
        }
    }

    /// Joins `--option -5` into `--option=-5`, so a negative number reaches the option's own
    /// check ("--max-skew takes a number of seconds…") instead of reading as a missing value.
    static func normalised(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            let next = index + 1
            if argument.hasPrefix("--"), !argument.contains("="), next < arguments.endIndex,
                Self.isNegativeNumber(arguments[next])
            {
                result.append(argument + "=" + arguments[next])
                index += 2
                continue
            }
            result.append(argument)
            index += 1
        }
        return result
    }

    private static func isNegativeNumber(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.first == "-" && !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }
}
